// Walmart's compliance and policy decisions: a review still running, an item unpublished as prohibited or
// for an IP claim, content standards, a category needing approval. Data changes alone do not clear most.
import { firstSentence } from './description-text.js';
import type { KnownIngestionError } from './known-error.js';
import { group } from './known-error.js';

export const COMPLIANCE_REVIEW: KnownIngestionError = {
  kind: 'compliance_review',
  category: 'review',
  retryable: false,
  test: /\bunder compliance review\b/i,
  explain: (s) => {
    const hours = group(s, 1, /\bup to ([0-9]{1,3}) hours\b/i) ?? '48';
    return {
      message: "Walmart is still reviewing this item's previous submission for compliance, so it did not accept this one.",
      action: `Wait for the compliance review to finish (up to ${hours} hours) before resending; then send the item again if it still needs the change.`,
    };
  },
};

export const PROHIBITED_PRODUCT: KnownIngestionError = {
  kind: 'prohibited_product',
  category: 'review',
  retryable: false,
  test: /\bProhibited Product Policy\b/i,
  explain: (s) => {
    const topic = group(s, 1, /\bProhibited Product Policy: ([^*.<]{1,80})/i) ?? group(s, 1, /\bProhibited Product Policy\*? for ([A-Za-z][A-Za-z &,-]{0,60})\./i);
    return {
      message: `Walmart unpublished this item under its Prohibited Product Policy${topic === undefined ? '' : ` (${topic})`}; sending it again will not publish it.`,
      action: 'If you believe the item is allowed, submit an appeal on the Unpublished Items page in Seller Center; otherwise stop sending it.',
    };
  },
};

export const IP_CLAIM: KnownIngestionError = {
  kind: 'ip_claim',
  category: 'review',
  retryable: false,
  test: /\bintellectual property claim\b/i,
  explain: () => ({
    message: 'Walmart blocked this item because of an intellectual property claim against it.',
    action: 'If you are entitled to sell it, submit an appeal on the Pending Review page in Seller Center; otherwise stop sending it.',
  }),
};

export const CONTENT_STANDARDS: KnownIngestionError = {
  kind: 'content_standards',
  category: 'data',
  retryable: false,
  test: /\bdoes not meet our content standards\b/i,
  explain: (s) => {
    const because = group(s, 1, /\bcontent standards because (.{1,300})/i);
    return {
      message: `Walmart's content review rejected the listing${because === undefined ? '' : `: ${firstSentence(because)}`}.`.replace(/…\.$/, '…'),
      action: 'Make the title, description, key features and images agree about what the product is and what is included (say it in the text, not only in an image), then send the item again.',
    };
  },
};

export const CATEGORY_APPROVAL: KnownIngestionError = {
  kind: 'category_approval',
  category: 'review',
  retryable: false,
  test: /\brequest approval from Walmart\b/i,
  explain: (s) => {
    const named = group(s, 1, /\bTo sell items in ([^,{}]{1,80}),/i);
    return {
      message: `Your seller account is not approved to sell in ${named ?? 'this category'} yet, so Walmart did not accept the item.`,
      action: 'Request approval on the Health & Compliance page under Account Settings in Seller Center; send the item again once it is approved.',
    };
  },
};
