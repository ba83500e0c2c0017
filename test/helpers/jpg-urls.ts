// Image URLs both URL tests share: what the images pack's plain .jpg test passes, and what it must not.
export const PLAIN_JPG_URLS = [
  'https://i5.walmartimages.com/asr/tee-red-l.jpg',
  'https://i5.walmartimages.com/asr/tee-red-l-back.JPEG',
  'https://cdn.example.com/a/b_c/d~e/f.g.jpeg',
  'https:///x.jpg',
  'https:////x.jpg',
  'https://a_b.example/x.JPG',
];
export const NOT_PLAIN_JPG_URLS = [
  '',
  'http://i5.walmartimages.com/asr/tee.jpg',
  'https://i5.walmartimages.com/asr/tee.png',
  'https://i5.walmartimages.com/asr/tee.jpg?w=800',
  'https://i5.walmartimages.com/asr/tee.jpg#x',
  'https://i5.walmartimages.com/asr/tee 2.jpg',
  'https://i5.walmartimages.com/asr/tee-800x800.jpg',
  'https://i5.walmartimages.com/asr/tee%20red.jpg',
  'https://i5.walmartimages.com/asr/.jpgx',
  'https://example.com/a.jpg\n',
  'https:x.jpg',
  'ftp://example.com/a.jpg',
];
