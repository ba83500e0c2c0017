// catalog-gate web page (first increment: the page shell; the uploader and grid follow).
export {};
