// exchange.common.v1, as protobuf JSON: fields in lowerCamelCase, enums by name, int64 as strings.
// proto3 JSON leaves out fields at their default value, so every field of an answer is optional.

export interface Money {
  amount?: string;
  currency?: string;
}

export interface PDate {
  year?: number;
  month?: number;
  day?: number;
}

export interface FiscalYearRange {
  firstYear?: number;
  lastYear?: number;
}

export interface PageRequest {
  pageSize?: number;
  pageToken?: string;
}

export type RegionalBureau =
  | 'REGIONAL_BUREAU_UNSPECIFIED' | 'REGIONAL_BUREAU_HOKKAIDO' | 'REGIONAL_BUREAU_TOHOKU' | 'REGIONAL_BUREAU_KANTO'
  | 'REGIONAL_BUREAU_CHUBU' | 'REGIONAL_BUREAU_KINKI' | 'REGIONAL_BUREAU_CHUGOKU' | 'REGIONAL_BUREAU_SHIKOKU'
  | 'REGIONAL_BUREAU_KYUSHU' | 'REGIONAL_BUREAU_OKINAWA';

export type WorldArea =
  | 'WORLD_AREA_UNSPECIFIED' | 'WORLD_AREA_NORTH_AMERICA' | 'WORLD_AREA_LATIN_AMERICA' | 'WORLD_AREA_EUROPE'
  | 'WORLD_AREA_ASIA' | 'WORLD_AREA_OCEANIA' | 'WORLD_AREA_MIDDLE_EAST' | 'WORLD_AREA_AFRICA';

export type Sector =
  | 'SECTOR_UNSPECIFIED' | 'SECTOR_FOOD' | 'SECTOR_TEXTILES_FASHION' | 'SECTOR_HOUSING' | 'SECTOR_CRAFTS'
  | 'SECTOR_METAL_MECHANICAL' | 'SECTOR_MEDICAL_WELFARE' | 'SECTOR_IT' | 'SECTOR_BIOTECHNOLOGY'
  | 'SECTOR_ENVIRONMENT' | 'SECTOR_CONTENTS_DESIGN' | 'SECTOR_TOURISM';

export interface DomesticRegion {
  name?: string;
  prefecture?: string;
  bureau?: RegionalBureau;
}

export interface OverseasRegion {
  name?: string;
  country?: string;
  worldArea?: WorldArea;
}

/** google.protobuf.Timestamp in JSON: an RFC 3339 string. */
export type Timestamp = string;

export const sectorLabels: Record<Sector, string> = {
  SECTOR_UNSPECIFIED: 'Unspecified',
  SECTOR_FOOD: 'Food, food processing and beverages',
  SECTOR_TEXTILES_FASHION: 'Textiles and fashion',
  SECTOR_HOUSING: 'Housing, building materials and lumber',
  SECTOR_CRAFTS: 'Craft products',
  SECTOR_METAL_MECHANICAL: 'Metal and mechanical processing',
  SECTOR_MEDICAL_WELFARE: 'Medical and welfare equipment',
  SECTOR_IT: 'IT industry',
  SECTOR_BIOTECHNOLOGY: 'Biotechnology',
  SECTOR_ENVIRONMENT: 'Environment',
  SECTOR_CONTENTS_DESIGN: 'Contents and design',
  SECTOR_TOURISM: 'Tourism',
};

/** "REGIONAL_BUREAU_KANTO" -> "Kanto": the name after the enum's prefix, in words. */
export function enumWords(value: string | undefined, prefix: string): string {
  if (!value) return '';
  const rest = value.startsWith(prefix) ? value.slice(prefix.length) : value;
  const words = rest.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDate(d: PDate | undefined): string {
  if (!d || !d.year) return '';
  return `${d.year}-${String(d.month ?? 1).padStart(2, '0')}-${String(d.day ?? 1).padStart(2, '0')}`;
}

/** "2008-10-06" -> Date message; undefined for an empty or malformed input. */
export function parseDate(text: string): PDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The Japanese fiscal year a date falls in: FY2007 = 2007-04-01 .. 2008-03-31. */
export function fiscalYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

export function formatMoney(m: Money | undefined): string {
  if (!m || m.amount === undefined || m.amount === '') return '';
  const [whole, fraction] = m.amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction ? '.' + fraction : ''} ${m.currency ?? ''}`.trim();
}

/** A decimal string as a number, for charts only (money is never computed with it). */
export function amountNumber(m: Money | undefined): number {
  const n = Number(m?.amount ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
