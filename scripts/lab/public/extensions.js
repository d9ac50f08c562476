// Extra sections of the call cards. A module that adds one exports a section for addCardSection (from
// ./card.js) and is registered here: it then shows in every card, after the columns.
import { doctorSection } from './blocked-call-fix.js';
import { addCardSection } from './card.js';

// cors-doctor's explanation of a blocked call, and the CDK change that fixes it.
addCardSection(doctorSection);
