// Configuration: the schema of kehoach.config.json, with the defaults that apply when there is no file.
import { REPORT_FORMATS } from '../report/writers/report-writer.ts';
import { z } from 'zod';
import { isCalendarDate } from '../shared/vietnam-time.ts';

// Every object below is strict: an unknown key (a typo such as report.nubmer) is refused, never ignored.

/** An ISO date that exists in the calendar: 2025-02-30 is refused, not rolled over to March. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'ngày không có trong lịch (kiểm tra ngày và tháng)' });

/** Who signs a report, for one stretch of time (the 2025 merger changed the issuer and its place). */
export const issuerProfileSchema = z.strictObject({
  /** First day the profile applies (inclusive). */
  validFrom: isoDate.nullable().default(null),
  /** Day it stops applying (exclusive). */
  validTo: isoDate.nullable().default(null),
  /** Tên cơ quan chủ quản, caps in the header ("UBND TỈNH QUẢNG NGÃI"). */
  parentName: z.string().min(1),
  /** Tên cơ quan ban hành ("SỞ TÀI CHÍNH"). */
  name: z.string().min(1),
  /**
   * Name in running text, for "(Kèm theo Báo cáo số ... của Sở Tài chính tỉnh Quảng Ngãi)"; null writes the appendix
   * reference without "của ...". @default null
   */
  fullName: z.string().min(1).nullable().default(null),
  /** Ký hiệu after BC- ("STC" gives "Số: .../BC-STC"). */
  symbol: z.string().min(1),
  /** Place of the date line ("Quảng Ngãi"). */
  place: z.string().min(1),
  signer: z.strictObject({
    /** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" */
    authority: z.string(),
    /** "PHÓ GIÁM ĐỐC" */
    position: z.string().min(1),
    /** Blank leaves the space for the name to be written in. */
    name: z.string().default(''),
  }),
  recipients: z.array(z.string().min(1)).min(1),
  /** Unit in "Lưu: VT, <unit>." */
  archiveUnit: z.string().min(1),
  /**
   * How the issuer signs Party-style reports (HD 36-HD/VPTW), or null to reuse the state names above.
   * @default null
   */
  party: z
    .strictObject({
      /** Upper line, caps, regular ("ĐẢNG BỘ TỈNH QUẢNG NGÃI"); may be empty. */
      parentName: z.string().default(''),
      /** Issuing Party body, caps, bold ("ĐẢNG ỦY SỞ TÀI CHÍNH"). */
      name: z.string().min(1),
      /** Name in running text ("Đảng ủy UBND tỉnh Quảng Ngãi"); null leaves it out. @default null */
      fullName: z.string().min(1).nullable().default(null),
      /** Ký hiệu after BC/ ("ĐU" gives "Số 05-BC/ĐU"). */
      symbol: z.string().min(1),
      signer: z.strictObject({
        /** "T/M ĐẢNG ỦY" */
        authority: z.string(),
        /** "BÍ THƯ" */
        position: z.string().min(1),
        name: z.string().default(''),
      }),
    })
    .nullable()
    .default(null),
});

/** The whole configuration. Every field has a default, so an empty file (or none) is valid. */
export const configSchema = z
  .strictObject({
    /** Issuer profiles in force over time; the one valid on the report date signs it. */
    issuers: z.array(issuerProfileSchema).min(1),
    report: z
      .strictObject({
        /** Number of the report, or null to leave "Số: .../BC-..." for the office to fill. */
        number: z.number().int().positive().nullable().default(null),
        /** Document style: state (NĐ 30/2020) or party (HD 36-HD/VPTW). */
        style: z.enum(['state', 'party']).default('state'),
        /** Formats written by `report` and `run`. */
        formats: z.array(z.enum(REPORT_FORMATS)).min(1).default([...REPORT_FORMATS]),
        /** Report date (ISO); null means today. Fixed in tests and the demo so outputs are reproducible. */
        date: isoDate.nullable().default(null),
        /** Mark every page as illustrative data (the demo). */
        illustrative: z.boolean().default(false),
      })
      .prefault({}),
    evaluation: z
      .strictObject({
        /** Relative tolerance for "khoảng" targets, in % of the target: khoảng 50 with 5 accepts 47,5-52,5. */
        approxTolerancePct: z.number().min(0).max(50).default(5),
        /** Differences below this share are rounding, not a disagreement between sources, in %. */
        conflictTolerancePct: z.number().min(0).max(50).default(0.5),
        /** Ratio of observed to required progress at or above which a target is "có khả năng đạt" (Open SDG). */
        likelyRatio: z.number().min(0).max(2).default(0.95),
      })
      .prefault({}),
    deadlines: z
      .strictObject({
        /** Days after the period's cut-off (ND 09/2019) by which agencies must send their figures. */
        daysAfterCutoff: z.number().int().min(0).max(90).default(5),
      })
      .prefault({}),
  });

/** Configuration as the stages receive it: validated, defaults applied, frozen. */
export type KehoachConfig = Readonly<z.infer<typeof configSchema>>;

/** One issuer profile. */
export type IssuerProfile = z.infer<typeof issuerProfileSchema>;

/** Default issuer profiles: Sở KH&ĐT Kon Tum until the merger, then Sở Tài chính (Kon Tum, then Quảng Ngãi). */
export const DEFAULT_ISSUERS: IssuerProfile[] = [
  {
    validFrom: null,
    validTo: '2025-03-01',
    parentName: 'UBND TỈNH KON TUM',
    name: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
    fullName: 'Sở Kế hoạch và Đầu tư tỉnh Kon Tum',
    symbol: 'SKHĐT',
    place: 'Kon Tum',
    signer: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: '' },
    recipients: ['Thường trực Tỉnh ủy (b/c)', 'Thường trực HĐND tỉnh (b/c)', 'UBND tỉnh (b/c)', 'Các sở, ban, ngành thuộc tỉnh', 'UBND các huyện, thành phố'],
    archiveUnit: 'TH',
    party: {
      parentName: 'ĐẢNG BỘ TỈNH KON TUM',
      name: 'ĐẢNG ỦY KHỐI CƠ QUAN TỈNH',
      fullName: 'Đảng ủy Khối cơ quan tỉnh Kon Tum',
      symbol: 'ĐUK',
      signer: { authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: '' },
    },
  },
  {
    validFrom: '2025-03-01',
    validTo: '2025-07-01',
    parentName: 'UBND TỈNH KON TUM',
    name: 'SỞ TÀI CHÍNH',
    fullName: 'Sở Tài chính tỉnh Kon Tum',
    symbol: 'STC',
    place: 'Kon Tum',
    signer: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: '' },
    recipients: ['Thường trực Tỉnh ủy (b/c)', 'Thường trực HĐND tỉnh (b/c)', 'UBND tỉnh (b/c)', 'Các sở, ban, ngành thuộc tỉnh', 'UBND các huyện, thành phố'],
    archiveUnit: 'TH',
    party: {
      parentName: 'ĐẢNG BỘ TỈNH KON TUM',
      name: 'ĐẢNG ỦY KHỐI CƠ QUAN TỈNH',
      fullName: 'Đảng ủy Khối cơ quan tỉnh Kon Tum',
      symbol: 'ĐUK',
      signer: { authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: '' },
    },
  },
  {
    validFrom: '2025-07-01',
    validTo: null,
    parentName: 'UBND TỈNH QUẢNG NGÃI',
    name: 'SỞ TÀI CHÍNH',
    fullName: 'Sở Tài chính tỉnh Quảng Ngãi',
    symbol: 'STC',
    place: 'Quảng Ngãi',
    signer: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: '' },
    recipients: ['Thường trực Tỉnh ủy (b/c)', 'Thường trực HĐND tỉnh (b/c)', 'UBND tỉnh (b/c)', 'Các sở, ban, ngành thuộc tỉnh', 'UBND các xã, phường, đặc khu'],
    archiveUnit: 'THQH',
    party: {
      parentName: 'ĐẢNG BỘ TỈNH QUẢNG NGÃI',
      name: 'ĐẢNG ỦY UBND TỈNH',
      fullName: 'Đảng ủy UBND tỉnh Quảng Ngãi',
      symbol: 'ĐU',
      signer: { authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: '' },
    },
  },
];
