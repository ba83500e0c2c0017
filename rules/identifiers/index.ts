// The identifiers pack, in run order: what is wrong with the code itself first, then what Walmart will make of it.
import type { Rule } from '../../src/core/rule.js';
import notNumeric from './not-numeric.js';
import length from './length.js';
import checkDigit from './check-digit.js';
import isbn from './isbn.js';
import issn from './issn.js';
import typeMismatch from './type-mismatch.js';
import upcE from './upc-e.js';
import notGtin14 from './not-gtin14.js';

const identifiers: readonly Rule[] = [notNumeric, length, checkDigit, isbn, issn, typeMismatch, upcE, notGtin14];

export default identifiers;
