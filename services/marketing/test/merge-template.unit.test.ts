import { TEMPLATE_PATTERN } from '@kith/contracts';
import { parseTemplate, renderSubject, renderTemplate } from '../src/domain/merge-template';
import { aProfile } from './support/marketing-givens';

describe('merge templates', () => {
  it('fills fields and uses the default for a missing value', () => {
    const jane = aProfile({ customFields: { level: 'gold' } });
    const anonymous = aProfile({ firstName: undefined as unknown as string });
    delete anonymous.firstName;
    expect(renderTemplate('Dear {{firstName|friend}}, level {{ custom.level | none }}', jane)).toBe(
      'Dear Jane, level gold',
    );
    expect(
      renderTemplate('Dear {{firstName|friend}}, level {{custom.level|none}}', anonymous),
    ).toBe('Dear friend, level none');
    expect(renderTemplate('Hi {{firstName}}!', anonymous)).toBe('Hi !');
  });

  it('joins a list custom field', () => {
    expect(
      renderTemplate(
        '{{custom.interests}}',
        aProfile({ customFields: { interests: ['arts', 'parks'] } }),
      ),
    ).toBe('arts, parks');
  });

  it('refuses unknown fields and stray braces, and never evaluates anything', () => {
    expect(parseTemplate('{{constructor}}')).toEqual({
      ok: false,
      message: expect.stringContaining('unknown merge field constructor'),
    });
    expect(parseTemplate('{{#each x}}')).toEqual({
      ok: false,
      message: expect.stringContaining('unknown merge field #each'),
    });
    expect(parseTemplate('a { b {{firstName}}')).toEqual({
      ok: false,
      message: expect.stringContaining('{ or }'),
    });
    expect(parseTemplate('Hello }} there')).toEqual({
      ok: false,
      message: expect.stringContaining('{ or }'),
    });
    expect(renderTemplate('{{firstName|(process.exit())}}', aProfile())).toBe('Jane');
    expect(renderTemplate('{{email|x}}', aProfile({ email: '<script>' }))).toBe('<script>');
  });

  it('keeps a subject on one line whatever a value holds', () => {
    expect(renderSubject('For {{firstName}}', aProfile({ firstName: 'Jane\r\nBcc: x@y.z' }))).toBe(
      'For Jane Bcc: x@y.z',
    );
  });

  it('accepts exactly what the published template pattern accepts', () => {
    const pattern = new RegExp(TEMPLATE_PATTERN, 'u');
    for (const template of [
      'Hi {{firstName|there}}!',
      'Dear {{ firstName | friend }}, {{custom.level}}',
      'plain text',
      '{{password}}',
      'a { b',
      '{{{firstName}}}',
      '}} {{email}}',
      '{{custom.Level}}',
    ]) {
      expect([template, parseTemplate(template).ok]).toEqual([template, pattern.test(template)]);
    }
  });
});
