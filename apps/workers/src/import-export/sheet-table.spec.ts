import { DomainError } from '@cws/kernel';
import { readCsv, readTable } from './sheet-table';

const csv = (text: string) => readCsv(Buffer.from(text, 'utf8')).map((r) => r.cells);
const rowsOf = (text: string) => readCsv(Buffer.from(text, 'utf8')).map((r) => r.row);

describe('reading an uploaded CSV (csv-parse)', () => {
  it('parses quoted fields with doubled quotes, a BOM and CRLF, and drops blank rows', () => {
    expect(csv('\ufeffa,"b,""c"""\r\n1,2\r\n\r\n , \r\n')).toEqual([['a', 'b,"c"'], ['1', '2']]);
  });

  it('numbers each row as a spreadsheet shows the file: blank rows count, a quoted line break does not', () => {
    expect(rowsOf('姓名,备注\n张三,\n\n , \n"李四","一行\n两行"\n\n王五\n')).toEqual([1, 2, 5, 7]);
    expect(rowsOf('a\r\n\r\nb\r\n')).toEqual([1, 3]);
  });

  it('keeps line breaks inside quotes, accepts LF-only files and rows of different lengths', () => {
    expect(csv('姓名,备注\n"张三","一行\n两行"\n李四\n')).toEqual([['姓名', '备注'], ['张三', '一行\n两行'], ['李四']]);
  });

  it('takes a stray quote inside an unquoted field literally', () => {
    expect(csv('a,b"c\n')).toEqual([['a', 'b"c']]);
  });

  it('answers an unclosed quote with a 400 on the file, without echoing the content', () => {
    let err: unknown;
    try {
      csv('姓名\n"secret-110105,\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('IMPORT_FILE_UNREADABLE');
    expect(JSON.stringify(err)).not.toContain('secret');
  });

  it('refuses other file types', async () => {
    await expect(readTable('w.txt', Buffer.from('a'), 20)).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
  });
});
