import { customFieldToProto, specFromProto } from '../src/grpc/custom-field-proto.mapper';
import { joined, score } from './support/custom-field-fixtures';

describe('custom field proto mapping', () => {
  it('sends date bounds as min_date/max_date and number bounds as min/max', () => {
    expect(customFieldToProto(joined).spec?.validation).toEqual({
      minDate: '2000-01-01',
      maxDate: '2030-12-31',
    });
    expect(customFieldToProto(score).spec?.validation).toEqual({ min: 0, max: 100, integer: true });
  });

  it('reads min_date back into the domain’s one min', () => {
    const spec = specFromProto({
      label: 'Joined',
      description: '',
      type: 'date',
      required: false,
      options: [],
      validation: { minDate: '2000-01-01' },
    });

    expect(spec).toEqual({
      label: 'Joined',
      type: 'date',
      required: false,
      options: [],
      validation: { min: '2000-01-01' },
    });
  });

  it('reads an option sent without active as active', () => {
    const spec = specFromProto({
      label: 'Tier',
      description: '',
      type: 'single_select',
      required: false,
      options: [{ value: 'gold', label: 'Gold' }],
      validation: null,
    });

    expect(spec.options).toEqual([{ value: 'gold', label: 'Gold', active: true }]);
  });
});
