// Report stage: renders a report model to HTML with the Handlebars templates in templates/ (one per kind, shared
// partials). Data is only ever passed as context and escaped by {{ }}; it is never compiled as a template.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { fromProjectRoot } from '../db/project-root.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { listFontFaces } from './writers/list-font-faces.ts';
import type { RenderedReport } from './rendered-report.ts';
import type { ReportKind, ReportModel } from './report-model.ts';

/** Folder of the templates. */
export const TEMPLATE_DIR = fromProjectRoot('templates');

// Strict: a field a template names but the model lacks is an error, not a blank. knownHelpersOnly: a name in the
// template can never resolve to a helper someone registered elsewhere.
const COMPILE_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true, knownHelpers: { eq: true } };

let environment: { hb: typeof Handlebars; templates: Map<ReportKind, HandlebarsTemplateDelegate> } | null = null;

function loadEnvironment(templateDir: string) {
  // An isolated instance, so no other module's helpers or partials leak into the reports.
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialDir = path.join(templateDir, 'partials');
  for (const file of fs.readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(path.basename(file, '.hbs'), hb.compile(fs.readFileSync(path.join(partialDir, file), 'utf8'), COMPILE_OPTIONS));
  }
  const templates = new Map<ReportKind, HandlebarsTemplateDelegate>();
  for (const kind of ['six-month', 'annual', 'review'] as const) {
    const file = path.join(templateDir, `${kind}.hbs`);
    if (!fs.existsSync(file)) throw new PipelineError('report', `Thiếu mẫu báo cáo ${file}.`);
    templates.set(kind, hb.compile(fs.readFileSync(file, 'utf8'), COMPILE_OPTIONS));
  }
  return { hb, templates };
}

/**
 * Renders one report model to a complete HTML document with the template of its kind.
 * @param model the view model from buildReportModel
 * @param options.templateDir another templates folder (tests) @default templates/
 */
export function renderReportHtml(model: ReportModel, options: { templateDir?: string } = {}): RenderedReport {
  const env = options.templateDir ? loadEnvironment(options.templateDir) : (environment ??= loadEnvironment(TEMPLATE_DIR));
  const template = env.templates.get(model.kind);
  if (!template) throw new PipelineError('report', `Không có mẫu cho loại báo cáo "${model.kind}".`);
  let html: string;
  try {
    html = template(
      { ...model, fontFaces: listFontFaces().faces },
      // Handlebars' defaults already refuse prototype properties; stated here so nobody turns them on.
      { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
    );
  } catch (cause) {
    throw new PipelineError('report', `Lỗi khi dựng báo cáo ${model.kind}: ${(cause as Error).message}`, { cause });
  }
  // Blank lines left by block helpers carry no meaning; dropping them keeps the HTML (and its snapshot) compact.
  html = html.replace(/\n\s*\n/g, '\n');
  return { kind: model.kind, html, title: model.title, date: model.reportDate, illustrative: model.illustrative };
}
