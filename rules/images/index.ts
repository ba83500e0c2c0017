// The images pack, in run order: a missing main image, then URLs Walmart cannot fetch, then advice on the files.
import type { Rule } from '../../src/core/rule.js';
import mainMissing from './main-missing.js';
import whitespace from './whitespace.js';
import notHttps from './not-https.js';
import noExtension from './no-extension.js';
import notJpg from './not-jpg.js';
import notSquare from './not-square.js';

const images: readonly Rule[] = [mainMissing, whitespace, notHttps, noExtension, notJpg, notSquare];

export default images;
