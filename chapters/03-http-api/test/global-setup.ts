// One synth, with the functions bundled, shared by every test file that serves the chapter.
import { synthesizeOnce } from '@cors-workshop/testing';
import { assembly } from '../checks.js';

export default synthesizeOnce(assembly);
