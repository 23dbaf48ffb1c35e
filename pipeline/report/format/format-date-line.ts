// Report stage: the place and date line of the header ("Kon Tum, ngày 05 tháng 7 năm 2023").
import { formatVietnameseDate } from './format-vietnamese-date.ts';

/** Formats the place and date line: "Kon Tum, ngày 05 tháng 7 năm 2023" (zero-padding per NĐ 30/2020). */
export function formatDateLine(place: string, isoDate: string): string {
  return `${place}, ${formatVietnameseDate(isoDate)}`;
}
