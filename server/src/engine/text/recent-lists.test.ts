import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { RecentLists } from './recent-lists';

describe('recent lists', () => {
  it('gives back the list kept before for an equal one, and a different one as it is', () => {
    const lists = new RecentLists<unknown>();
    const first = [0, 'base', undefined];
    assert.equal(lists.shared(first), first);
    assert.equal(lists.shared([0, 'base', undefined]), first);
    const other = [0, 'token', undefined];
    assert.equal(lists.shared(other), other);
    assert.equal(lists.shared([0, 'base', 3]), lists.shared([0, 'base', 3]));
    assert.notEqual(lists.shared([0, 'base']), first);
  });

  it('compares items by identity: equal-looking objects are different answers', () => {
    const lists = new RecentLists<unknown>();
    const a = [1, 'v', { request: 2 }];
    assert.equal(lists.shared([1, 'v', { request: 2 }]) === a, false);
    assert.equal(lists.shared(a), a);
  });

  it('keeps the lists used again while one-off lists pass through', () => {
    const lists = new RecentLists<unknown>();
    const common = lists.shared(['base']);
    const alsoCommon = lists.shared(['base', 'token']);
    for (let k = 0; k < 50; k++) {
      lists.shared([`item${k}`]);
      assert.equal(lists.shared(['base']), common);
      lists.shared([`again${k}`]);
      assert.equal(lists.shared(['base', 'token']), alsoCommon);
    }
  });
});
