import { fileURLToPath } from 'node:url';

/** The chapter's folder, from which `synthStack` synthesizes its stacks. */
export const projectDir = fileURLToPath(new URL('..', import.meta.url));
