import { describe, expect, it } from 'vitest';
import { fieldForHeader, mapColumns, normaliseHeader, parseMapOption } from '../../src/core/importMapping.js';
import { recordReader } from '../../src/core/importRecords.js';
import { decimalFor, decodeFile, detectDelimiter } from '../../src/core/importText.js';

describe('fieldForHeader', () => {
  it.each([
    ['Name', 'name'],
    ['Full Name', 'name'],
    ['CONTACT', 'name'],
    ['First Name', 'first_name'],
    ['first_name', 'first_name'],
    ['Last  Name ', 'last_name'],
    ['Company Name', 'company'],
    ['Organization', 'company'],
    ['organisation', 'company'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Phone Number', 'phone'],
    ['Deal Name', 'deal'],
    ['Title', 'deal'],
    ['Amount', 'value'],
    ['Value', 'value'],
    ['Currency', 'currency'],
    ['Next Follow-up', 'next_followup'],
    ['Next Action Date', 'next_followup'],
    ['\ufeffName', 'name'],
    ['Lead Source', undefined],
    ['Owner', undefined],
  ])('%j → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('normalises case, underscores and spaces', () => {
    expect(normaliseHeader('  Next_Action   DATE ')).toBe('next action date');
  });
});

describe('parseMapOption', () => {
  it.each([
    ['Client=company', { header: 'Client', field: 'company' }],
    ['Lead Source = notes', { header: 'Lead Source', field: 'notes' }],
    ['a=b=deal', { header: 'a=b', field: 'deal' }],
    ['Follow up on=next-followup', { header: 'Follow up on', field: 'next_followup' }],
    ['Owner=IGNORE', { header: 'Owner', field: 'ignore' }],
  ])('%j', (option, expected) => {
    expect(parseMapOption(option)).toEqual(expected);
  });

  it.each([
    ['Client', /write it as 'Column Header=field'/],
    ['=company', /write it as/],
    ['Client=', /write it as/],
    ['Client=budget', /unknown field 'budget'.*use one of name, first_name/],
  ])('refuses %j', (option, message) => {
    expect(() => parseMapOption(option)).toThrow(message);
  });
});

describe('mapColumns', () => {
  it('maps known headers and reports the others', () => {
    const mapping = mapColumns(['First Name', 'Last Name', 'Company', 'Lead Source', '', 'Amount']);
    expect(mapping.fields).toEqual(['first_name', 'last_name', 'company', null, null, 'value']);
    expect(mapping.unmapped).toEqual(['Lead Source']);
  });

  it('lets --map win over the aliases, and ignore a column', () => {
    const mapping = mapColumns(['Name', 'Title', 'Client', 'Owner'], ['Title=role', 'client=company', 'Owner=ignore']);
    expect(mapping.fields).toEqual(['name', 'role', 'company', null]);
    expect(mapping.unmapped).toEqual([]);
  });

  it.each([
    [['Company', 'Email'], [], /the file lists organisations but no people.*--map 'Column=name'/],
    [['Email', 'Phone'], [], /no column holds the prospect's name.*'Email', 'Phone'/],
    [['Name', 'Full Name'], [], /'Name' and 'Full Name' both map to name: say which one with --map 'Full Name=ignore'/],
    [['Name', 'First Name'], ['First Name=first_name'], /both a name column and first\/last name columns/],
    [['Name'], ['Client=company'], /--map names a column 'client' the file does not have/],
  ])('refuses %j with %j', (headers, maps, message) => {
    expect(() => mapColumns(headers, maps)).toThrow(message);
  });
});

describe("a record's name", () => {
  it.each([
    [['Ahmed', 'Yusuf'], 'Ahmed Yusuf'],
    [['山田', '太郎'], '山田 太郎'],
    [['', 'Nguyễn'], 'Nguyễn'],
    [[' Ana ', ''], 'Ana'],
  ])('joins First Name + Last Name %j', (cells, name) => {
    const headers = ['First Name', 'Last Name'];
    const read = recordReader({ file: 'f.csv', headers, mapping: mapColumns(headers), currency: 'USD', decimal: '.' });
    expect(read(cells, 2).prospect.name).toBe(name);
  });
});

describe('decodeFile', () => {
  const text = 'Name,Company\r\n山田太郎,Ахмед\r\n';
  const utf16be = (s: string) => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ])('%s', async (_name, bytes) => {
    expect((await decodeFile(bytes)).text).toBe(text);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 (0x80 is €), and says so', async () => {
    expect(await decodeFile(Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0x80, 0x0a]), 'x.csv')).toEqual({
      text: 'Name\né€\n',
      encoding: 'windows-1252',
      note: 'x.csv is not UTF-8: read as Windows-1252 (Excel and Outlook on Windows); say another with --encoding',
    });
  });

  it('reads UTF-16 without a byte-order mark, and says so', async () => {
    expect(await decodeFile(Buffer.from('Name,Company\n', 'utf16le'), 'x.csv')).toMatchObject({ text: 'Name,Company\n', encoding: 'utf-16le' });
    expect(await decodeFile(utf16be('Name,Company\n'), 'x.csv')).toMatchObject({ text: 'Name,Company\n', encoding: 'utf-16be' });
  });

  it('takes --encoding, and refuses one it does not know or bytes that are not in it', async () => {
    expect(await decodeFile(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x80]), 'x.csv', 'Windows-1252')).toEqual({ text: 'Café€', encoding: 'windows-1252' });
    await expect(decodeFile(Buffer.from('x'), 'x.csv', 'klingon')).rejects.toThrow(/unknown encoding 'klingon' for --encoding/);
    await expect(decodeFile(Buffer.from([0xe9]), 'x.csv', 'utf-8')).rejects.toThrow('x.csv is not UTF-8 text: try another --encoding (utf-16le, windows-1252)');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Name,Company,Amount\n', ','],
    ['Name;Company;Amount\nBudi;PT Maju;1500,50\n', ';'],
    ['Name\tCompany\n', '\t'],
    ['"Name, full";Company;Amount\n', ';'],
    ['Name\n', ','],
    ['Notes:\n"When exporting, note this; and that"\n\nFirst Name,Last Name,Company\n', ','],
    ['Name;Company\r\na,b,c,d,e\r\n', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('pairs ; with decimal commas', () => {
    expect([decimalFor(';'), decimalFor(','), decimalFor('\t')]).toEqual([',', '.', '.']);
  });
});
