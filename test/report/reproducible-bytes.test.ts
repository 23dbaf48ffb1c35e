// Report stage: PDF and DOCX bytes are made reproducible without breaking the files.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makePdfReproducible, toPdfDate } from '../../pipeline/report/writers/make-pdf-reproducible.ts';
import { createZip } from '../../pipeline/report/writers/create-zip.ts';

describe('makePdfReproducible', () => {
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261122033702+00'00')\n/ModDate (D:20261122033702+00'00')>>\nendobj\n",
    'latin1',
  );

  it('replaces the print time with the report date', () => {
    const out = makePdfReproducible(pdf, '2024-07-05').toString('latin1');
    expect(out).toContain("/CreationDate (D:20240705000000+00'00')");
    expect(out).toContain("/ModDate (D:20240705000000+00'00')");
  });

  it('keeps every byte offset, so the xref table stays valid', () => {
    expect(makePdfReproducible(pdf, '2024-07-05').length).toBe(pdf.length);
  });

  it('replaces a random /ID with one derived from the content, of the same length', () => {
    const withId = (id: string) => Buffer.from(`${pdf.toString('latin1')}trailer\n<</Size 2 /ID [<${id}><${id}>]>>\n`, 'latin1');
    const a = makePdfReproducible(withId('0123456789ABCDEF0123456789ABCDEF'), '2024-07-05');
    const b = makePdfReproducible(withId('FEDCBA9876543210FEDCBA9876543210'), '2024-07-05');
    expect(Buffer.compare(a, b)).toBe(0);
    expect(a.length).toBe(withId('0123456789ABCDEF0123456789ABCDEF').length);
  });

  it('renumbers the tagged structure IDs by rank, keeping their order and length', () => {
    const tagged = (a: number, b: number) =>
      Buffer.from(`${pdf.toString('latin1')}<</ID (node${String(a).padStart(8, '0')})>> <</Names [(node${String(a).padStart(8, '0')}) 1 0 R (node${String(b).padStart(8, '0')}) 2 0 R]>>`, 'latin1');
    const first = makePdfReproducible(tagged(245, 851), '2024-07-05');
    const later = makePdfReproducible(tagged(6617, 7223), '2024-07-05');
    expect(Buffer.compare(first, later)).toBe(0);
    expect(first.toString('latin1')).toContain('/Names [(node00000000) 1 0 R (node00000001) 2 0 R]');
  });

  it('writes PDF dates at midnight UTC', () => {
    expect(toPdfDate('2025-01-09')).toBe("D:20250109000000+00'00'");
  });
});

describe('createZip', () => {
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.from('<w:document>Báo cáo</w:document>') },
  ];

  it('writes an archive any zip reader opens, with the entries and the fixed date', async () => {
    const zip = await JSZip.loadAsync(createZip(entries, new Date('2024-07-05T00:00:00Z')));
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(await zip.file('word/document.xml')!.async('string')).toBe('<w:document>Báo cáo</w:document>');
    expect(zip.file('word/document.xml')!.date.toISOString()).toBe('2024-07-05T00:00:00.000Z');
  });

  it('gives the same bytes for the same entries', () => {
    const date = new Date('2024-07-05T00:00:00Z');
    expect(Buffer.compare(createZip(entries, date), createZip(entries, date))).toBe(0);
  });
});
