// warranty.text_required: "Yes - Warranty Text" promises the terms inline, so Warranty Text must be given.
import { warrantyRequirement } from './requirement.js';

export default warrantyRequirement({
  id: 'warranty.text_required',
  description: 'Warranty Text is required when Has Written Warranty is "Yes - Warranty Text".',
  answer: 'Yes - Warranty Text',
  target: 'warrantyText',
  what: "the warranty's terms",
});
