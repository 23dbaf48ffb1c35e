// Report stage: renders a report model to HTML with the Handlebars templates in templates/ (report.hbs for every
// kind, with shared partials; checklist.hbs for the staff checklist beside it). Data is only ever passed as context and escaped by {{ }}; it is never compiled as a template.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { listFontFaces } from './writers/list-font-faces.ts';
import type { RenderedReport } from './rendered-report.ts';
import type { ReportModel } from './report-model.ts';

/** Folder of the templates. */
export const TEMPLATE_DIR = PROJECT_PATHS.templates;

// Strict: a field a template names but the model lacks is an error, not a blank. knownHelpersOnly: a name in the
// template can never resolve to a helper someone registered elsewhere.
const COMPILE_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true, knownHelpers: { eq: true, wbrAfterSlash: true } };

let environment: { report: HandlebarsTemplateDelegate; checklist: HandlebarsTemplateDelegate } | null = null;

function loadEnvironment(templateDir: string) {
  // An isolated instance, so no other module's helpers or partials leak into the reports.
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A break opportunity after each "/" of an escaped text ("3299/<wbr>CTr-UBND"): an element, not a character, so
  // the PDF text layer and the DOCX keep the text as written (review R1 of issue 10, C3: U+200B broke Word's search).
  hb.registerHelper('wbrAfterSlash', (text: unknown) => new hb.SafeString(hb.escapeExpression(String(text)).replaceAll('/', '/<wbr>')));
  const partialDir = path.join(templateDir, 'partials');
  for (const file of fs.readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(path.basename(file, '.hbs'), hb.compile(fs.readFileSync(path.join(partialDir, file), 'utf8'), COMPILE_OPTIONS));
  }
  const load = (name: string) => {
    const file = path.join(templateDir, `${name}.hbs`);
    if (!fs.existsSync(file)) throw new PipelineError('report', `Thiếu mẫu báo cáo ${file}.`);
    return hb.compile(fs.readFileSync(file, 'utf8'), COMPILE_OPTIONS);
  };
  return { report: load('report'), checklist: load('checklist') };
}

/**
 * Renders one report model to a complete HTML document (templates/report.hbs), and its staff checklist.
 * @param model the view model from buildReportModel
 * @param options.templateDir another templates folder (tests) @default templates/
 */
export function renderReportHtml(model: ReportModel, options: { templateDir?: string } = {}): RenderedReport {
  const env = options.templateDir ? loadEnvironment(options.templateDir) : (environment ??= loadEnvironment(TEMPLATE_DIR));
  const run = (template: HandlebarsTemplateDelegate, what: string) => {
    try {
      const html = template(
        { ...model, fontFaces: listFontFaces().faces },
        // Handlebars' defaults already refuse prototype properties; stated here so nobody turns them on.
        { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
      );
      // Blank lines left by block helpers carry no meaning; dropping them keeps the HTML (and its snapshot) compact.
      // "Phụ lục I" never breaks across lines or pages (review R1, C10): a no-break space inside every reference.
      return html.replace(/\n\s*\n/g, '\n').replace(/Phụ lục (I{1,3}|IV|V)(?![\p{L}\d])/gu, 'Phụ&nbsp;lục&nbsp;$1');
    } catch (cause) {
      throw new PipelineError('report', `Lỗi khi dựng ${what} ${model.kind}: ${(cause as Error).message}`, { cause });
    }
  };
  return {
    kind: model.kind,
    html: run(env.report, 'báo cáo'),
    checklistHtml: run(env.checklist, 'danh sách kiểm tra của báo cáo'),
    title: model.title,
    date: model.reportDate,
    illustrative: model.illustrative,
  };
}
