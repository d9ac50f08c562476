import { describe, expect, it } from 'vitest';
import { ASSET_HASH_MASK } from '../src/normalize-template.js';
import { renderExpectedTemplate } from '../src/render-expected-template.js';

describe('renderExpectedTemplate', () => {
  it('renders the normalized template as two-space JSON ending with one newline', () => {
    const template = {
      Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { S3Key: `${'ab'.repeat(32)}.zip` } } },
    };

    expect(renderExpectedTemplate(template)).toBe(
      [
        '{',
        '  "Resources": {',
        '    "Fn": {',
        '      "Type": "AWS::Lambda::Function",',
        '      "Properties": {',
        `        "S3Key": "${ASSET_HASH_MASK}.zip"`,
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});
