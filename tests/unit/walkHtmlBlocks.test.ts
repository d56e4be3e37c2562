/** The HTML block walker: every block of a document with what the markup says of it, and the hook formats use (EPUB). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { walkHtmlBlocks, type HtmlWalkPosition } from '../../main/article/html/walkHtmlBlocks';

function body(html: string): Element {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as Element;
}

describe('walkHtmlBlocks', () => {
  it('returns every block in order, deciding nothing: furniture keeps its reason, hidden content and code are not text', () => {
    const blocks = walkHtmlBlocks(
      body(`<nav><a href="/">Home</a></nav><main><h1>Tides</h1><p>The sea rose <a href="#">twice</a>.</p><ul><li>One</li><li>Two</li></ul>
        <p hidden>Secret</p><script>var x = 1;</script></main><footer><p>Copyright the council</p></footer>`),
    );
    expect(blocks.map((b) => [b.kind, b.text, b.reason])).toEqual([
      ['paragraph', 'Home', 'site menu'],
      ['heading', 'Tides', null],
      ['paragraph', 'The sea rose twice.', null],
      ['list-item', 'One', null],
      ['list-item', 'Two', null],
      ['paragraph', 'Copyright the council', 'page footer'],
    ]);
    expect(blocks.map((b) => b.inArticle)).toEqual([false, true, true, true, true, false]);
    expect(blocks[2]!.linkShare).toBeCloseTo(5 / 19, 5);
  });

  it('marks the blocks of the prose container it is given', () => {
    const root = body('<div><p>Before it</p></div><div class="story"><p>Inside it</p></div>');
    const candidate = root.querySelector('.story');
    expect(walkHtmlBlocks(root, { candidate }).map((b) => b.inCandidate)).toEqual([false, true]);
  });

  it('lets a format skip elements, note where they stood, and put blocks in their place', () => {
    const root = body(`<section><h2>Chapter one</h2>
      <p>It began<a epub:type="noteref" href="#n1">1</a> at dawn.</p>
      <span epub:type="pagebreak" title="12"></span>
      <p>Then noon<span epub:type="pagebreak" title="13"></span> came.</p>
      <img src="a.png" alt="A map of the bay">
      <p>Evening <img src="b.png" alt="A heron"> fell.</p>
      <aside epub:type="footnote" id="n1"><p>A note.</p></aside></section>`);
    const breaks: Array<[string, HtmlWalkPosition]> = [];
    const blocks = walkHtmlBlocks(root, {
      onElement: (element, at) => {
        const type = element.getAttribute('epub:type');
        if (type === 'noteref' || type === 'footnote') return 'skip';
        if (type === 'pagebreak') {
          breaks.push([element.getAttribute('title')!, at]);
          return 'skip';
        }
        if (element.localName === 'img') return [{ kind: 'paragraph', text: element.getAttribute('alt')! }];
        return undefined;
      },
    });
    expect(blocks.map((b) => b.text)).toEqual(['Chapter one', 'It began at dawn.', 'Then noon came.', 'A map of the bay', 'Evening fell.', 'A heron']);
    expect(breaks).toEqual([
      ['12', { blocks: 2, inBlock: false }],
      ['13', { blocks: 2, inBlock: true }],
    ]);
  });

  it('asks the hook once per element, also for text inside links', () => {
    const root = body('<p>See <a href="#"><span class="x">this</span> page</a>.</p>');
    let asked = 0;
    walkHtmlBlocks(root, {
      onElement: (element) => {
        if (element.localName === 'span') asked++;
        return undefined;
      },
    });
    expect(asked).toBe(1);
  });
});
