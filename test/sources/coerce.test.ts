// Coercion of cells by the schema: numbers, Yes/No, dates, lists; empty is absent.
import { describe, expect, it } from 'vitest';
import { coerceList, coerceScalar, isScientificNotation } from '../../src/sources/coerce.js';

describe('coerceScalar', () => {
  it.each([
    ['19.99', { type: 'number' }, 19.99],
    [' 7 ', { type: 'integer' }, 7],
    ['$19.99', { type: 'number' }, '$19.99'],
    ['1,234.50', { type: 'number' }, '1,234.50'],
    [12, { type: 'string' }, '12'],
    ['yes', { type: 'string', enum: ['Yes', 'No'] }, 'Yes'],
    ['N', { type: 'string', enum: ['Yes', 'No'] }, 'No'],
    [true, { type: 'string', enum: ['Yes', 'No'] }, 'Yes'],
    ['maybe', { type: 'string', enum: ['Yes', 'No'] }, 'maybe'],
    ['2026-03-01', { type: 'string', format: 'date-time' }, '2026-03-01T00:00:00Z'],
    ['3/1/2026', { type: 'string', format: 'date-time' }, '2026-03-01T00:00:00Z'],
    ['2026-03-01T10:00:00Z', { type: 'string', format: 'date' }, '2026-03-01'],
    ['Male', { type: 'string', enum: ['Male', 'Female'] }, 'Male'],
  ])('%j as %j -> %j', (cell, schema, out) => {
    expect(coerceScalar(cell, schema)).toEqual(out);
  });

  it('an empty cell is an absent attribute, not an empty string', () => {
    expect(coerceScalar(null, { type: 'string' })).toBeUndefined();
    expect(coerceScalar('   ', { type: 'string' })).toBeUndefined();
  });
});

describe('coerceList', () => {
  it('splits on | and coerces each item', () => {
    expect(coerceList('Red | Blue|', { type: 'array', items: { type: 'string' } })).toEqual(['Red', 'Blue']);
    expect(coerceList('1|2', { type: 'array', items: { type: 'number' } })).toEqual([1, 2]);
    expect(coerceList(null, { type: 'array' })).toBeUndefined();
  });
});

describe('isScientificNotation', () => {
  it.each([['6.14619E+11', true], ['6E+11', true], ['614619000000', false], ['6.1e-3', false], [614619000000, false]])('%j -> %j', (cell, out) => {
    expect(isScientificNotation(cell)).toBe(out);
  });
});
