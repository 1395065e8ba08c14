/**
 * The obscene and insulting words, as data. Each pattern is a regular-expression fragment matched
 * against a whole word, lower-cased with ё folded to е and look-alike Latin letters mapped to
 * Cyrillic; `\p{L}*` after a stem admits its word forms. Stems that also begin ordinary words are
 * spelled with their endings or allowed prefixes only, so «употреблять», «скребок», «себе», «веб»,
 * «психуй», «застрахуйте», «педикюр», «мудрый» stay clean. Extend it here; the tests in
 * obscene.test.ts list the ordinary words that must never match. Plural genitives in -ов are left
 * out where they are common surnames (Дураков, Лохов); words that are also ordinary in some
 * programme's subject are left out entirely: «скотина» and «козёл» (livestock), «сучка» (a knot
 * in wood), «кретинизм» and «дегенеративный» (medicine).
 */
export type LexiconKind = 'obscene' | 'insult';

export interface LexiconEntry {
  pattern: string;
  kind: LexiconKind;
}

/** Prefixes that attach to the obscene roots without a hard sign. */
const PREFIXES = '(?:на|по|до|за|от|ни|о|об|вы|при|про|пере|недо|у|рас|раз|с|из|под|в)?';
/** Before a root that starts with е, a prefix ending in a consonant needs ъ or ь («съеб», not «себ»). */
const E_PREFIXES = '(?:на|по|до|за|вы|при|про|пере|недо|у|от[ъь]|об[ъь]|с[ъь]|в[ъь]|раз[ъь]|рас[ъь]|под[ъь]|из[ъь])?';

export const OBSCENE_LEXICON: readonly LexiconEntry[] = [
  { kind: 'obscene', pattern: `${PREFIXES}ху[йяеюи]\\p{L}*` },
  { kind: 'obscene', pattern: `\\p{L}*п[иеы]зд\\p{L}*` },
  { kind: 'obscene', pattern: `${E_PREFIXES}еб(?:а|у|л|е|н|ись|ище|ош|ля|ит)\\p{L}*` },
  { kind: 'obscene', pattern: `(?:вы)?бля(?:|д\\p{L}*|т\\p{L}*|ть)` },
  { kind: 'obscene', pattern: `долб[ао]еб\\p{L}*|\\p{L}*[ъь]еб(?:а|у|л|н|ись)\\p{L}*|еб|ебт\\p{L}*` },
  { kind: 'obscene', pattern: `(?:на|по|о)хер\\p{L}*|хер(?:ня|ни|не|ню|ней|ов\\p{L}*|ач\\p{L}*)` },
  { kind: 'obscene', pattern: `муд(?:ак|ач|ил|озвон|о[её]б)\\p{L}*` },
  { kind: 'obscene', pattern: `залуп\\p{L}*` },
  { kind: 'obscene', pattern: `манд(?:а|ы|е|у|ой|авошк\\p{L}*|ец)` },
  { kind: 'obscene', pattern: `г[ао]ндон\\p{L}*` },
  { kind: 'obscene', pattern: `шлюх\\p{L}*|шалав\\p{L}*` },
  { kind: 'obscene', pattern: `пид[оа]?р\\p{L}*|педераст\\p{L}*|педик(?:|и|а|у|ом|ов|ами|ах)` },
  { kind: 'obscene', pattern: `сук(?:а|и|е|у|ой|ам|ами|ах)|суч(?:ар|ий)\\p{L}*` },
  { kind: 'obscene', pattern: `(?:fuck|fck|fuk)\\p{L}*|shit\\p{L}*|bitch\\p{L}*|motherfuck\\p{L}*` },
  { kind: 'obscene', pattern: `(?:na|po|ni|do|za)?(?:huy|hui|huj|xuy|xui|xyu)\\p{L}*|pi[sz]d\\p{L}*|bl[iy]a(?:t|d)\\p{L}*|bl[iy]a|(?:za|vy|na|po)?ebat\\p{L}*|eban\\p{L}*|suka` },
  { kind: 'insult', pattern: `говн\\p{L}*|дерьм\\p{L}*|обосра\\p{L}*|засран\\p{L}*|жоп(?:а|ы|е|у|ой|ами|ах)` },
  { kind: 'insult', pattern: `идиот\\p{L}*|д[еи]б[иы]л\\p{L}*|кретин(?:|ы|а|у|ом|ов|ам|ами|ах|ка|ки|ку|кой)|имбецил(?:|ы|а|у|ом|ов|ам|ами|ах)|дегенерат(?:|ы|а|у|ом|ов|ам|ами|ах|ка|ки|ку|кой)|недоум(?:ок|к)\\p{L}*` },
  { kind: 'insult', pattern: `придур(?:ок|к)\\p{L}*|придурочн\\p{L}*|урод(?:|ы|а|у|ом|ов|ам|ами|ах|ина|ины|ище)|дурак(?:|и|а|у|ом|ами|ах)|дурач(?:ок|ье|ина)|дур(?:а|ы|е|у|ой)` },
  { kind: 'insult', pattern: `мраз(?:ь|и|ью|ей|ям|ями|ота)|сволоч\\p{L}*|ублюд\\p{L}*|вырод(?:ок|ка|ки|ку|ков|ком|ками)|твар(?:ь|и|ью|ей|ям|ями)` },
  { kind: 'insult', pattern: `гнид(?:а|ы|е|у|ой|ам|ами)|падл(?:а|ы|е|у|ой|ам|ами)|чмо|чмош\\p{L}*|лох(?:|и|а|у|ом|ам|ами|ушка)|козлина|козлины` },
];

/** Whole words that a pattern above would take but that are ordinary. */
export const OBSCENE_EXCEPTIONS: ReadonlySet<string> = new Set(['ебург', 'ебурге', 'ебурга']);
