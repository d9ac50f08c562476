/**
 * A TypeDoc plugin that turns the chapters' READMEs into the site's guide and the local gateway's notes into
 * a section of their own:
 *
 * - each document takes the title of its first `# ` heading (the heading is then left out of the page, which
 *   shows the title already), instead of a path such as `chapters/01-rest-proxy/README`;
 * - the site's navigation lists three groups: "Guide" (the chapters, in the order of their folder names),
 *   "Local gateway" (its behaviour notes, the overview first) and "API reference" (the shared packages);
 * - every chapter ends with links to the previous and the next chapter, so a chapter added as
 *   `chapters/NN-slug/README.md` takes its place without any change here.
 *
 * Loaded by `typedoc.json` (`plugin`).
 *
 * @see https://typedoc.org/documents/Guides.Plugins.html
 * @see https://typedoc.org/documents/External_Documents.html
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application, Comment, Converter, ReflectionGroup } from 'typedoc';

/** Where each kind of project document is found, and the group it is listed under. */
const SECTIONS = [
  { pattern: /^chapters\/([^/]+)\/README$/, group: 'Guide' },
  { pattern: /^shared\/gateway\/docs\/([^/]+)$/, group: 'Local gateway' },
];

/**
 * Registers the plugin's listeners.
 *
 * @param {import('typedoc').Application} app
 */
export function load(app) {
  /** @type {Map<string, { key: string, document: import('typedoc').DocumentReflection }[]>} */
  const sections = new Map(SECTIONS.map(({ group }) => [group, []]));

  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    const path = document.name;
    const section = SECTIONS.find(({ pattern }) => pattern.test(path));
    if (section === undefined) {
      return;
    }
    const basePath = app.options.getValue('displayBasePath') || process.cwd();
    const heading = firstHeading(readFileSync(join(basePath, `${path}.md`), 'utf8'));
    if (heading === undefined) {
      app.logger.warn(`${path}.md has no "# " heading to name its page after`);
    } else {
      document.name = heading;
      dropFirstHeading(document);
    }
    sections.get(section.group).push({ key: sortKey(section, path), document });
  });

  app.on(Application.EVENT_PROJECT_REVIVE, (project) => {
    for (const documents of sections.values()) {
      documents.sort((a, b) => a.key.localeCompare(b.key));
    }
    linkChapters(sections.get('Guide').map(({ document }) => document));

    // The merged project of `entryPointStrategy: packages` has no groups of its own: list the guide first,
    // then the gateway's notes, then every package, and show these groups in the navigation.
    const grouped = new Set();
    const groups = [];
    const addGroup = (title, children) => {
      if (children.length === 0) return;
      const group = new ReflectionGroup(title, project);
      group.children = children;
      for (const child of children) grouped.add(child);
      groups.push(group);
    };
    for (const [title, documents] of sections) {
      addGroup(
        title,
        documents.map(({ document }) => document),
      );
    }
    addGroup(
      'Other documents',
      (project.documents ?? []).filter((document) => !grouped.has(document)),
    );
    addGroup('API reference', project.children ?? []);
    project.groups = groups;
    project.comment ??= new Comment();
    project.comment.modifierTags.add('@showGroups');

    for (const documents of sections.values()) {
      documents.length = 0;
    }
  });
}

/** Ends every chapter with links to the previous and the next one. */
function linkChapters(chapters) {
  chapters.forEach((document, index) => {
    const previous = chapters[index - 1];
    const next = chapters[index + 1];
    const links = [];
    if (previous !== undefined) {
      links.push({ kind: 'text', text: '**Previous:** ' }, link(previous));
    }
    if (next !== undefined) {
      if (links.length > 0) links.push({ kind: 'text', text: ' · ' });
      links.push({ kind: 'text', text: '**Next:** ' }, link(next));
    }
    if (links.length > 0) {
      document.content.push({ kind: 'text', text: '\n\n---\n\n' }, ...links);
    }
  });
}

/**
 * The order of a document within its section: chapters by folder name; the gateway's notes with the overview
 * (`behaviour.md`) first, then by file name.
 */
function sortKey(section, path) {
  const name = section.pattern.exec(path)[1];
  return section.group === 'Local gateway' && name === 'behaviour' ? '' : name;
}

/** The text of the first `# ` heading of a Markdown file outside code blocks, or `undefined`. */
function firstHeading(markdown) {
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode;
    } else if (!inCode && line.startsWith('# ')) {
      return line.slice(2).trim();
    }
  }
  return undefined;
}

/** Removes the first `# ` heading line from a document's content, which begins with it. */
function dropFirstHeading(document) {
  const [first] = document.content;
  if (first?.kind === 'text' && /^\s*# /.test(first.text)) {
    first.text = first.text.replace(/^\s*# [^\n]*\n?/, '');
  }
}

/** An inline `{@link}` to a document, showing its title. */
function link(target) {
  return { kind: 'inline-tag', tag: '@link', text: target.name, target };
}
