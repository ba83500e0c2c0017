// warranty.url_required: "Yes - Warranty URL" promises a link, so Warranty URL must be given.
import { warrantyRequirement } from './requirement.js';

export default warrantyRequirement({
  id: 'warranty.url_required',
  description: 'Warranty URL is required when Has Written Warranty is "Yes - Warranty URL".',
  answer: 'Yes - Warranty URL',
  target: 'warrantyURL',
  what: "the web address of the warranty's terms",
});
