// Report stage: the domains and sectors section I of a review follows, in the order provincial reports treat them
// (CONVENTIONS-VN, "What a review report says"), and which sector an indicator's figure is told under.

/** One sector of a domain ("Thu, chi ngân sách nhà nước"), with the words that place an indicator in it. */
export interface ReportSector {
  /** Stable id, used as the narrative section id under its domain ("kinh-te.ngan-sach"). */
  id: string;
  title: string;
  /** Matched against the indicator code (kebab-case, no diacritics); the first sector with a match wins. */
  codeWords: readonly string[];
}

/** One domain ("Lĩnh vực kinh tế"), keyed by the registry's domain code, with its sectors. */
export interface ReportDomain {
  /** Registry domain code (indicators.csv `domain`). */
  code: string;
  /** Narrative section id ("kinh-te"). */
  id: string;
  title: string;
  /** Sectors in report order; an indicator no sector claims is told in the domain's own paragraph. */
  sectors: readonly ReportSector[];
  /** Sector ids in the order they claim indicators, when it differs from the report order. */
  matchOrder?: readonly string[];
}

/**
 * The outline of section I. Order follows provincial six-month and annual reports: economy (growth and structure,
 * agriculture, industry, trade and services, budget, investment and enterprises), culture and society (education,
 * health, labour, poverty and social security, culture), environment, defence and security, government / Party.
 * Within a domain, the sector earlier in matchOrder (else in the list) wins: "co-cau-cong-nghiep-xay-dung" is
 * structure, not industry.
 */
export const REPORT_DOMAINS: readonly ReportDomain[] = [
  {
    code: 'kinh_te',
    id: 'kinh-te',
    title: 'Lĩnh vực kinh tế',
    // Budget and investment words are the most specific ("giai-ngan-von-dau-tu-cong" is investment, not growth).
    matchOrder: ['kinh-te.ngan-sach', 'kinh-te.dau-tu', 'kinh-te.tang-truong', 'kinh-te.nong-nghiep', 'kinh-te.cong-nghiep', 'kinh-te.thuong-mai'],
    sectors: [
      {
        id: 'kinh-te.tang-truong',
        title: 'Tăng trưởng và cơ cấu kinh tế',
        codeWords: ['grdp', 'co-cau-kinh-te', 'co-cau-', 'nang-suat', 'tfp', 'kinh-te-so', 'ty-trong-cong-nghiep'],
      },
      {
        id: 'kinh-te.nong-nghiep',
        title: 'Nông, lâm nghiệp, thủy sản và xây dựng nông thôn mới',
        codeWords: ['ntm', 'nong-thon', 'duoc-lieu', 'sam-ngoc-linh', 'trong-moi', 'mac-ca', 'ocop', 'htx', 'nong-nghiep', 'lua', 'cay-'],
      },
      { id: 'kinh-te.cong-nghiep', title: 'Công nghiệp, xây dựng và phát triển đô thị', codeWords: ['cong-nghiep', 'xay-dung', 'do-thi', 'dien-nang'] },
      { id: 'kinh-te.thuong-mai', title: 'Thương mại, dịch vụ và du lịch', codeWords: ['xuat-khau', 'nhap-khau', 'ban-le', 'du-lich', 'dich-vu'] },
      { id: 'kinh-te.ngan-sach', title: 'Thu, chi ngân sách nhà nước', codeWords: ['nsnn', 'ngan-sach', 'thu-ngan', 'chi-ngan'] },
      { id: 'kinh-te.dau-tu', title: 'Đầu tư phát triển và doanh nghiệp', codeWords: ['dau-tu', 'giai-ngan', 'doanh-nghiep', 'fdi'] },
    ],
  },
  {
    code: 'xa_hoi',
    id: 'xa-hoi',
    title: 'Lĩnh vực văn hóa - xã hội',
    // Labour words claim first ("ty-le-lao-dong-qua-dao-tao" is labour, not education); the report order is giáo dục,
    // y tế, lao động - việc làm, giảm nghèo - an sinh, văn hóa (CONVENTIONS-VN; review R1, C9).
    matchOrder: ['xa-hoi.lao-dong', 'xa-hoi.giao-duc', 'xa-hoi.y-te', 'xa-hoi.giam-ngheo', 'xa-hoi.van-hoa'],
    sectors: [
      { id: 'xa-hoi.giao-duc', title: 'Giáo dục và đào tạo', codeWords: ['truong', 'giao-duc', 'hoc-sinh'] },
      {
        id: 'xa-hoi.y-te',
        title: 'Y tế và dân số',
        codeWords: ['giuong', 'bac-si', 'bhyt', 'tu-vong', 'suy-dinh-duong', 'y-te', 'dan-so', 'tuoi-tho'],
      },
      { id: 'xa-hoi.lao-dong', title: 'Lao động, việc làm', codeWords: ['lao-dong', 'viec-lam', 'bhxh', 'bhtn'] },
      {
        id: 'xa-hoi.giam-ngheo',
        title: 'Giảm nghèo, an sinh xã hội và công tác dân tộc',
        codeWords: ['ngheo', 'dtts', 'dbkk', 'su-dung-dien', 'an-sinh'],
      },
      { id: 'xa-hoi.van-hoa', title: 'Văn hóa, thể thao', codeWords: ['van-hoa', 'nha-rong', 'tdtt', 'the-thao'] },
    ],
  },
  { code: 'moi_truong', id: 'moi-truong', title: 'Lĩnh vực tài nguyên và môi trường', sectors: [] },
  { code: 'quoc_phong_an_ninh', id: 'quoc-phong-an-ninh', title: 'Lĩnh vực quốc phòng, an ninh', sectors: [] },
  { code: 'xay_dung_chinh_quyen', id: 'chinh-quyen', title: 'Lĩnh vực xây dựng chính quyền, cải cách hành chính', sectors: [] },
  { code: 'xay_dung_dang', id: 'xay-dung-dang', title: 'Lĩnh vực xây dựng Đảng và hệ thống chính trị', sectors: [] },
];

/** The domain of a registry domain code; an unknown code gets a domain of its own, after the known ones. */
export function reportDomainOf(code: string): ReportDomain {
  return REPORT_DOMAINS.find((d) => d.code === code) ?? { code, id: code.replace(/[^a-z0-9]+/gi, '-'), title: code, sectors: [] };
}

/** Position of a domain in the report; unknown domains come last. */
export function reportDomainOrder(code: string): number {
  const i = REPORT_DOMAINS.findIndex((d) => d.code === code);
  return i === -1 ? REPORT_DOMAINS.length : i;
}

/** The sector an indicator is told under, or null for the domain's own paragraph. */
export function reportSectorOf(domainCode: string, indicatorCode: string): ReportSector | null {
  const code = indicatorCode.toLowerCase();
  const domain = reportDomainOf(domainCode);
  const order = domain.matchOrder ?? domain.sectors.map((s) => s.id);
  for (const id of order) {
    const sector = domain.sectors.find((s) => s.id === id);
    if (sector && sector.codeWords.some((w) => code.includes(w))) return sector;
  }
  return null;
}
