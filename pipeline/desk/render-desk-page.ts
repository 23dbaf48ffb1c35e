// Desk: renders the desk's pages from templates/desk/*.hbs inside templates/desk/layout.hbs. An isolated Handlebars
// instance, strict and with known helpers only: every value is escaped by {{ }}; agency and staff text is data,
// never template code.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_PATHS } from '../shared/project-paths.ts';

/** Folder of the desk templates. */
export const DESK_TEMPLATE_DIR = path.join(PROJECT_PATHS.templates, 'desk');

const HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: unknown, b: unknown) => Number(a) > Number(b),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  not: (a: unknown) => !a,
  /** A value as one URL query component (still HTML-escaped by {{ }}). */
  enc: (a: unknown) => encodeURIComponent(a === null || a === undefined ? '' : String(a)),
};

const COMPILE_OPTIONS: CompileOptions = {
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
};

type Environment = { hb: typeof Handlebars; layout: HandlebarsTemplateDelegate; pages: Map<string, HandlebarsTemplateDelegate> };
let cached: Environment | null = null;

function load(dir: string): Environment {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const partials = path.join(dir, 'partials');
  if (fs.existsSync(partials)) {
    for (const f of fs.readdirSync(partials).filter((x) => x.endsWith('.hbs'))) {
      hb.registerPartial(path.basename(f, '.hbs'), hb.compile(fs.readFileSync(path.join(partials, f), 'utf8'), COMPILE_OPTIONS));
    }
  }
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.hbs') && x !== 'layout.hbs')) {
    pages.set(path.basename(f, '.hbs'), hb.compile(fs.readFileSync(path.join(dir, f), 'utf8'), COMPILE_OPTIONS));
  }
  return { hb, layout: hb.compile(fs.readFileSync(path.join(dir, 'layout.hbs'), 'utf8'), COMPILE_OPTIONS), pages };
}

/** What every page receives besides its own data. */
export interface PageFrame {
  /** Page title (Vietnamese). */
  title: string;
  /** Signed-in staff member, if any: shows the menu. */
  user?: { displayName: string; roleLabel: string } | null;
  csrf?: string | null;
  /** Current period, for the menu. */
  period?: string | null;
  /** Which menu item is active. */
  nav?: string;
  /** A one-line message after an action. */
  flash?: { kind: 'ok' | 'error' | 'info'; text: string } | null;
  /** Seconds after which the page reloads itself (progress without JavaScript). */
  refreshSeconds?: number | null;
}

/**
 * Renders page `name` with its data inside the layout.
 * @returns the whole HTML document
 */
export function renderDeskPage(name: string, frame: PageFrame, data: Record<string, unknown> = {}): string {
  const env = process.env.KEHOACH_DESK_TEMPLATES_RELOAD === '1' ? load(DESK_TEMPLATE_DIR) : (cached ??= load(DESK_TEMPLATE_DIR));
  const page = env.pages.get(name);
  if (!page) throw new Error(`Không có trang ${name}.hbs trong ${DESK_TEMPLATE_DIR}`);
  const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  const context = { ...data, frame };
  const body = page(context, options);
  // The page is our own rendered template, already escaped: marked safe rather than printed with a triple-stash, so
  // no template in templates/ ever holds one.
  return env.layout({ ...frame, body: new env.hb.SafeString(body) }, options);
}
