// Report stage: the view model the templates read. Built by buildReportModel from a Reconciliation; every string in
// it is plain text (escaped by the templates) except the chart SVGs, which are SafeStrings built with escaping.
import type Handlebars from 'handlebars';

/** The kinds of report: six-month (6 tháng), annual (năm) and the sơ kết review of a multi-year plan. */
export type ReportKind = 'six-month' | 'annual' | 'review';

/** All report kinds, in the order the demo writes them. */
export const REPORT_KINDS: readonly ReportKind[] = ['six-month', 'annual', 'review'];

/** Document style: state administrative (NĐ 30/2020) or Party (HD 36-HD/VPTW). */
export type ReportStyle = 'state' | 'party';

/** A chart drawn as inline SVG; `svg` is pre-escaped (every text in it went through escapeXml). */
export interface ReportChart {
  svg: Handlebars.SafeString;
  /** Caption under the chart, plain text. */
  caption: string;
  /** Width and height of the drawing, in mm, so every writer sizes it the same. */
  widthMm: number;
  heightMm: number;
  /**
   * The figures behind the drawing, one row per bar or point: a hidden table the templates emit beside the SVG; the
   * DOCX writer puts the SVG in as a PNG picture and these figures as its description (alt text).
   */
  rows: ReportChartRow[];
}

/** One bar or point of a chart. */
export interface ReportChartRow {
  label: string;
  value: number;
  /** The value as printed ("1.245,8"). */
  display: string;
  /** Bar colour, "#rrggbb" (our constant, never data). */
  color: string;
}

/** One block of body text. */
export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  /** "- ..." list line under a point. */
  | { kind: 'dash'; text: string }
  /** "+ ..." list line under a dash line. */
  | { kind: 'plus'; text: string }
  | { kind: 'chart'; chart: ReportChart };

/** A "a)" point. */
export interface ReportPoint {
  letter: string;
  title: string;
  blocks: ReportBlock[];
}

/** A "1." item. */
export interface ReportItem {
  number: number;
  title: string;
  blocks: ReportBlock[];
  points: ReportPoint[];
}

/** A "I." section. */
export interface ReportSection {
  roman: string;
  /** Title in capitals, as printed. */
  title: string;
  blocks: ReportBlock[];
  items: ReportItem[];
}

/** A column of an appendix table. */
export interface AppendixColumn {
  label: string;
  widthMm: number;
  align: 'left' | 'center' | 'right';
  /** Its cells may wrap after "/" ("triệu đồng/người", "3299/CTr-UBND"): a <wbr> in HTML, nothing in the text. Optional. */
  breakAtSlash?: boolean;
}

/** One cell of an appendix table, aligned like its column. */
export interface AppendixCell {
  text: string;
  align: 'left' | 'center' | 'right';
  /** Columns the cell spans (colspan), when more than one. Optional. */
  span?: number;
  /** May wrap after "/": the template writes "/<wbr>" in HTML only (review R1 of issue 10, C3). Optional. */
  breakAtSlash?: boolean;
}

/**
 * A row of an appendix table: a group heading spanning the row after STT, or cells in column order. `long`: a row
 * of several lines that may split across a page break (a short row is kept whole). Optional.
 */
export type AppendixRow = { kind: 'group'; label: string; title: string } | { kind: 'cells'; cells: AppendixCell[]; long?: boolean };

/** One appendix ("Phụ lục I"), numbered on its own. */
export interface ReportAppendix {
  /** 1-based position, used to name its page counter. */
  index: number;
  label: string;
  title: string;
  reference: string;
  columns: AppendixColumn[];
  /** Columns a group heading spans (all but STT). */
  groupSpan: number;
  rows: AppendixRow[];
  /** Notes under the table ("(*) Số ước thực hiện."). */
  notes: string[];
  /** Print the table one point smaller (11 pt) to hold many columns inside the margins. */
  small: boolean;
}

/** The header block of the first page. */
export interface ReportHeader {
  /** Tên cơ quan chủ quản (caps, regular), may be empty. */
  parentName: string;
  /** Tên cơ quan ban hành (caps, bold). */
  issuerName: string;
  /** "Số: 05/BC-STC" or "Số 05-BC/ĐU". */
  numberLine: string;
  /** "Quảng Ngãi, ngày 15 tháng 7 năm 2024". */
  placeDateLine: string;
  /** Tên loại: "BÁO CÁO". */
  docType: string;
  /** Trích yếu, in sentence case; the template prints it bold. */
  summary: string;
}

/** The signature block and the recipients beside it. */
export interface ReportSignature {
  /** Lines of "Nơi nhận", already punctuated: "- UBND tỉnh (b/c);" ... "- Lưu: VT, TH.". */
  recipients: string[];
  authority: string;
  position: string;
  name: string;
}

/** Everything a template needs to print one report. */
export interface ReportModel {
  kind: ReportKind;
  style: ReportStyle;
  isParty: boolean;
  /** Document title for the PDF metadata and the HTML <title>. */
  title: string;
  /** Report date (ISO). */
  reportDate: string;
  /** Print "SỐ LIỆU MINH HỌA" on every page. */
  illustrative: boolean;
  header: ReportHeader;
  /** Opening paragraphs before section I. */
  intro: string[];
  sections: ReportSection[];
  /** Closing paragraphs after the last section ("Trên đây là báo cáo ..."). */
  closing: string[];
  signature: ReportSignature;
  appendices: ReportAppendix[];
  /** The staff checklist written beside the report (kiem-tra.html), never printed in it. */
  checklist: ChecklistModel;
}

/** One group of things a chuyên viên checks before sending the draft up ("Số liệu ước tính", "Người ký"). */
export interface ChecklistGroup {
  title: string;
  /** What to do about this group, one sentence. */
  advice: string;
  items: string[];
}

/** The staff checklist beside a report: what to review before the draft goes up. */
export interface ChecklistModel {
  /** "Danh sách kiểm tra trước khi trình: Báo cáo 6 tháng đầu năm 2025". */
  title: string;
  /** The report files it goes with ("six-month.pdf"). */
  reportName: string;
  /** Groups with items; a group with no items is shown as checked ("Không có"). */
  groups: ChecklistGroup[];
}
