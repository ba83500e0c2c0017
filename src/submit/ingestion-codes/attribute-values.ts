// Errors about one attribute's value: missing, unknown name, wrong kind of value, out of range. Walmart
// reports them under per-situation codes (EXT_DATA_ERROR_<14 digits>), so they are known by their words.
import { fieldInWords } from './field-names.js';
import type { KnownIngestionError, Situation } from './known-error.js';
import { group, nameOf, said } from './known-error.js';

const RESEND = 'and send the item again';

/** "`Fabric Material Name` is a required attribute, but no value was provided." */
export const REQUIRED_ATTRIBUTE: KnownIngestionError = {
  kind: 'required_attribute',
  category: 'data',
  retryable: false,
  test: /^(?:'([^']{1,120})'|([A-Za-z][^'.:;]{0,119})) is (?:a )?required (?:attribute|field)\b/i,
  explain: (s) => {
    const name = nameOf(s, group(s, 1) ?? group(s, 2)) ?? 'A required attribute';
    return {
      message: `${name} is missing; Walmart requires a value for it on this item.`,
      action: `Fill in ${name} ${RESEND}.`,
    };
  },
};

/** "'Fabri' is not a valid field. Do not add or change the field names in the specification." */
export const UNKNOWN_ATTRIBUTE: KnownIngestionError = {
  kind: 'unknown_attribute',
  category: 'data',
  retryable: false,
  test: /'([^']{1,120})' is not a valid (?:field|attribute)\b/i,
  explain: (s) => {
    const seen = group(s, 1) ?? '';
    const name = nameOf(s);
    return {
      message: `Walmart does not know an attribute called "${seen}"${name === undefined ? '' : ` (reported on ${name})`}; attribute names must be spelled exactly as the spec spells them.`,
      action:
        name === undefined
          ? `Rename "${seen}" to an attribute name from the spec, or remove it, ${RESEND}.`
          : `Use the spec's name for ${name} instead of "${seen}" (in a spreadsheet, fix the column header) ${RESEND}.`,
    };
  },
};

function withArticle(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** "value provided is not valid data type for 'pieceCount' field. Enter a valid value in the required data type 'Number'." */
export const WRONG_DATA_TYPE: KnownIngestionError = {
  kind: 'wrong_data_type',
  category: 'data',
  retryable: false,
  test: /\bnot (?:a )?valid data type for '([^']{1,120})'/i,
  explain: (s) => {
    const quoted = group(s, 1);
    const name = s.title ?? (quoted === undefined ? undefined : fieldInWords(quoted)) ?? s.fieldName ?? 'The value';
    const expected = group(s, 1, /\brequired data type '([^']{1,40})'/i);
    const numeric = expected !== undefined && /^(number|integer|decimal|double|float)$/i.test(expected);
    return {
      message: `${name} has the wrong kind of value; Walmart expects ${expected === undefined ? 'another type' : withArticle(expected)}.`,
      action: `Enter ${name} as ${expected === undefined ? 'the type the spec gives' : withArticle(expected)}${numeric ? ' (digits only, without units, currency symbols or thousands separators)' : ''} ${RESEND}.`,
    };
  },
};

/** "1000 is not less or equal to 999 for grams_per_square_meter_gsm" */
export const OUT_OF_RANGE: KnownIngestionError = {
  kind: 'out_of_range',
  category: 'data',
  retryable: false,
  test: /^(-?[0-9][0-9.,]{0,29}) is not (less|greater) (?:than )?or equal to (-?[0-9][0-9.,]{0,29}) for ([A-Za-z0-9_.]{1,120})\b/i,
  explain: (s) => {
    const seen = group(s, 1) ?? '';
    const less = (group(s, 2) ?? '').toLowerCase() === 'less';
    const limit = group(s, 3) ?? '';
    const name = nameOf(s, fieldInWords(group(s, 4) ?? '')) ?? 'The value';
    return {
      message: `${name} is ${seen}; Walmart accepts ${less ? 'at most' : 'at least'} ${limit}.`,
      action: `Enter ${name} as ${limit} or ${less ? 'less' : 'more'} (check the unit it is measured in) ${RESEND}.`,
    };
  },
};

function invalidValue(s: Situation): { message: string; action: string } {
  const name = nameOf(s);
  return {
    message: `Walmart's validation rejected ${name === undefined ? 'a value of this item' : `the value of ${name}`}.${said(s)}`,
    action: `Correct ${name ?? 'the value'} to what the spec allows ${RESEND}.`,
  };
}

/** Walmart's item validation code, for descriptions other than the range template above. */
export const INVALID_VALUE: KnownIngestionError = {
  kind: 'invalid_value',
  category: 'data',
  retryable: false,
  codes: ['IB.VALIDATION.DATA.001'],
  explain: invalidValue,
};
