import { describe, expect, it } from 'vitest';
import { detectWireCopy } from './detect-wire-copy.js';
import { loadOutletRegistry, type Outlet } from './outlet-registry.js';

const registry = loadOutletRegistry();
const BODY =
  'Officials in Arvenia said two drones were shot down over the border region overnight.\n\nA spokesperson for the regional monitoring mission said observers would visit the area on Friday.';

function wireOf(text: string, byline: string | null = null): string | null {
  return detectWireCopy({ byline, text }, registry)?.wire.name ?? null;
}

describe('detectWireCopy: the story is the wire’s', () => {
  it('reads a byline that names the wire', () => {
    expect(wireOf(BODY, 'Reuters')).toBe('Reuters');
    expect(wireOf(BODY, 'By Jane Doe and John Roe, Associated Press')).toBe('Associated Press');
    expect(wireOf(BODY, 'Jane Doe | AFP')).toBe('Agence France-Presse');
    expect(wireOf(BODY, 'dpa')).toBe('dpa');
    expect(detectWireCopy({ byline: 'AFP', text: BODY }, registry)?.recognisedBy).toEqual([
      { signal: 'byline', evidence: 'AFP' },
    ]);
  });

  it('reads a byline line at the top of pasted text', () => {
    expect(wireOf(`Border drones downed\n\nBy Jane Doe, Reuters\n\n${BODY}`)).toBe('Reuters');
  });

  it('reads the dateline credits of wires and state agencies', () => {
    expect(wireOf(`KYIV (Reuters) - ${BODY}`)).toBe('Reuters');
    expect(wireOf(`MOSCOW, Nov 3 (AFP) – ${BODY}`)).toBe('Agence France-Presse');
    expect(wireOf(`KYIV, Ukraine (AP) — ${BODY}`)).toBe('Associated Press');
    expect(wireOf(`BEIJING, Nov. 3 (Xinhua) -- ${BODY}`)).toBe('Xinhua');
    expect(wireOf(`SEOUL, Nov. 3 (Yonhap) -- ${BODY}`)).toBe('Yonhap News Agency');
    expect(wireOf(`ANKARA (AA) - ${BODY}`)).toBe('Anadolu Agency');
    expect(wireOf(`Madrid, 3 nov (EFE).- ${BODY}`)).toBe('EFE');
    expect(wireOf(`MOSCOW/KYIV, Nov 3 (Reuters) - ${BODY}`)).toBe('Reuters');
    expect(wireOf(`(Reuters) - ${BODY}`)).toBe('Reuters');
    expect(wireOf(`MOSCOW, November 3. /TASS/. ${BODY}`)).toBe('TASS');
    expect(wireOf(`МОСКВА, 3 ноя — РИА Новости. ${BODY}`)).toBe('RIA Novosti');
  });

  it('finds the dateline below a title and a standfirst', () => {
    const text = `Two drones downed over border\n\nArvenia says its air defences were active all night\n\nTBILISI, Nov 3 (Reuters) - ${BODY}`;
    expect(detectWireCopy({ byline: null, text }, registry)).toMatchObject({
      wire: { name: 'Reuters', kind: 'wire' },
      recognisedBy: [{ signal: 'dateline', evidence: 'TBILISI, Nov 3 (Reuters) -' }],
    });
  });

  it('reads the closing credit lines', () => {
    expect(wireOf(`${BODY}\n\n(Reporting by Jane Doe in Kyiv; Editing by John Roe)`)).toBe('Reuters');
    expect(wireOf(`${BODY}\n\n© Agence France-Presse`)).toBe('Agence France-Presse');
    expect(wireOf(`${BODY}\n\n© AFP 2026`)).toBe('Agence France-Presse');
    expect(
      wireOf(
        `${BODY}\n\nCopyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.`,
      ),
    ).toBe('Associated Press');
    expect(wireOf(`${BODY}\n\n— AP`)).toBe('Associated Press');
    expect(wireOf(`${BODY} — AFP`)).toBe('Agence France-Presse');
    expect(wireOf(`${BODY}\n\nSource: Reuters`)).toBe('Reuters');
    expect(wireOf(`${BODY}\n\nThis report by The Canadian Press was first published Nov. 3, 2026.`)).toBe(
      'The Canadian Press',
    );
  });

  it('lists every signal that agrees', () => {
    const found = detectWireCopy({ byline: 'AFP', text: `PARIS (AFP) - ${BODY}\n\n© AFP` }, registry);
    expect(found?.recognisedBy.map((r) => r.signal)).toEqual(['byline', 'dateline', 'credit line']);
  });

  it('follows the registry it is given rather than a fixed list of wires', () => {
    const harbour: Outlet = {
      domains: ['harbour-news.example'],
      name: 'Harbour News Agency',
      country: 'Arvenia',
      kind: 'state-controlled',
      owner: 'Government of Arvenia',
      reference: 'https://harbour-news.example/about',
      creditedAs: ['HNA'],
    };
    const small = { outlets: [harbour] };
    expect(detectWireCopy({ byline: null, text: `PORT ELSA (HNA) - ${BODY}` }, small)?.wire).toBe(harbour);
    expect(detectWireCopy({ byline: null, text: `KYIV (Reuters) - ${BODY}` }, small)).toBeNull();
  });
});

describe('detectWireCopy: the story stays its outlet’s own', () => {
  it('when the text only cites a wire', () => {
    expect(wireOf(`Reuters reported on Monday that ${BODY}`)).toBeNull();
    expect(wireOf(`According to AFP, officials in Arvenia said two drones were shot down.\n\n${BODY}`)).toBeNull();
    expect(wireOf(`${BODY}\n\nThe ministry told The Associated Press it would respond.`)).toBeNull();
  });

  it('when a wire only contributed', () => {
    expect(wireOf(`${BODY}\n\nAdditional reporting by Reuters`)).toBeNull();
    expect(wireOf(`${BODY}\n\nReuters contributed to this report.`)).toBeNull();
    expect(wireOf(`${BODY}\n\n— with AFP`)).toBeNull();
    expect(wireOf(`${BODY}\n\n(With AFP)`)).toBeNull();
    expect(wireOf(BODY, 'Jane Doe, with AFP')).toBeNull();
    expect(wireOf(BODY, 'Staff writer, with CNA')).toBeNull();
    expect(wireOf(BODY, 'Staff and agencies')).toBeNull();
  });

  it('when a wire is credited only for a photo', () => {
    expect(wireOf(`${BODY}\n\nPhotograph: Reuters`)).toBeNull();
    expect(wireOf(`${BODY}\n\n© AFP/Getty Images`)).toBeNull();
    expect(wireOf(`${BODY}\n\nPhoto: Jane Doe/Reuters`)).toBeNull();
  });

  it('when several wires are credited, or the signals disagree', () => {
    expect(wireOf(BODY, 'AFP, Reuters')).toBeNull();
    expect(wireOf(`${BODY}\n\nSources: Reuters, AFP`)).toBeNull();
    expect(wireOf(`${BODY}\n\nSource: Reuters, local media`)).toBeNull();
    expect(wireOf(`KYIV (Reuters/AFP) - ${BODY}`)).toBeNull();
    expect(wireOf(`KYIV (AFP) - ${BODY}`, 'Reuters')).toBeNull();
  });

  it('when the dateline credit is not a wire, not at the top, or not in capitals where it must be', () => {
    expect(wireOf(`LONDON (CNN) — ${BODY}`)).toBeNull();
    expect(
      wireOf(`${BODY}\n\n${BODY}\n\n${BODY}\n\nKYIV (Reuters) - An earlier report said the same.\n\n${BODY}`),
    ).toBeNull();
    expect(wireOf(`KYIV (ap) - ${BODY}`)).toBeNull();
    expect(wireOf(BODY, 'Ap')).toBeNull();
    expect(wireOf(`The defence minister (AP photo) said - ${BODY}`)).toBeNull();
    expect(
      wireOf(`Asked about the claim first carried by the agency (AFP) – the spokesman declined to comment.`),
    ).toBeNull();
  });

  it('when there is no sign at all', () => {
    expect(wireOf(BODY, 'Jane Doe')).toBeNull();
    expect(wireOf('')).toBeNull();
  });
});
