import { describe, expect, it } from 'vitest';
import { sameSubmission, storedInstanceId, submissionIds, versionOrder, type SubmissionVersion } from '../../src/field/submission.js';

const v = (version: string, instance: string | null, deprecated: string | null = null, at: string | null = '2025-04-02T07:30:05.000Z'): SubmissionVersion =>
  ({ instance_id: instance, version_id: `uuid:${version}`, deprecated_id: deprecated && `uuid:${deprecated}`, submitted_at: at });
const root = (id: string, version: string, deprecated: string | null = null) => v(version, `uuid:${id}`, deprecated);

describe('a submission\'s versions', () => {
  it('reads KEY/rootUuid as the submission, instanceID/_uuid as the version, deprecatedID as the one replaced', () => {
    expect(submissionIds({ submission_id: 'uuid:a', instance_id: 'uuid:c', deprecated_id: 'uuid:b' })).toEqual({ instance_id: 'uuid:a', version_id: 'uuid:c', deprecated_id: 'uuid:b' });
    // Kobo without rootUuid: _uuid has no prefix, and stands for the submission too.
    expect(submissionIds({ submission_id: '', instance_id: 'c', deprecated_id: '' })).toEqual({ instance_id: 'uuid:c', version_id: 'uuid:c', deprecated_id: null });
    expect(submissionIds({ submission_id: 'uuid:a', instance_id: '', deprecated_id: '' })).toEqual({ instance_id: 'uuid:a', version_id: 'uuid:a', deprecated_id: null });
    expect(submissionIds({ submission_id: '', instance_id: '', deprecated_id: '' })).toEqual({ instance_id: null, version_id: null, deprecated_id: null });
  });

  it.each([
    ['the same version', root('a', 'a'), root('a', 'a'), 'same'],
    ['the edit of the stored version', root('a', 'b', 'a'), root('a', 'a'), 'newer'],
    ['the version the stored edit replaced', root('a', 'b', 'a'), root('a', 'c', 'b'), 'older'],
    ['the first version, the stored one edited twice', root('a', 'a'), root('a', 'c', 'b'), 'older'],
    ['the first edit, the stored one a later edit', root('a', 'b', 'a'), root('a', 'd', 'c'), 'older'],
    ['an edit not seen before', root('a', 'd', 'c'), root('a', 'b', 'a'), 'newer'],
    ['Kobo without rootUuid: the next edit', v('c', 'uuid:c', 'b'), v('b', 'uuid:a', 'a'), 'newer'],
    ['Kobo without rootUuid: the version first stored', v('a', 'uuid:a'), v('c', 'uuid:a', 'b'), 'older'],
    ['a later submission time wins', root('a', 'b', 'a'), { ...root('a', 'c', 'b'), submitted_at: '2025-04-01T00:00:00.000Z' }, 'newer'],
    ['an earlier submission time loses', { ...root('a', 'c', 'b'), submitted_at: '2025-04-01T00:00:00.000Z' }, root('a', 'a'), 'older'],
  ] as const)('%s', (_, row, stored, want) => {
    expect(sameSubmission(row, stored)).toBe(true);
    expect(versionOrder(row, stored)).toBe(want);
  });

  it('keeps the id a submission was stored under unless the row has the server\'s own (KEY, rootUuid)', () => {
    expect(storedInstanceId(v('c', 'uuid:c', 'b'), [v('b', 'uuid:a', 'a')])).toBe('uuid:a');
    expect(storedInstanceId(root('a', 'c', 'b'), [v('b', 'uuid:b')])).toBe('uuid:a');
    expect(storedInstanceId(v('c', 'uuid:c'), [])).toBe('uuid:c');
    expect(sameSubmission(root('a', 'a'), root('x', 'x'))).toBe(false);
  });
});
