/*
 * notesgraph search worker: Korean-aware search for Material for MkDocs.
 *
 * Material's search UI (header box, result list, <mark>, keyboard) talks to a
 * web worker whose URL is set in the "config" block of base.html; notesgraph's
 * main.html points it here. This worker speaks the same protocol as Material's
 * own (integrations/search/worker in Material's source):
 *
 *   main → worker  { type: 0 SETUP, data: { config, docs, options: { suggest } } }
 *   worker → main  { type: 1 READY }
 *   main → worker  { type: 2 QUERY, data: "<what the user typed>" }
 *   worker → main  { type: 3 RESULT, data: { items: SearchItem[][], suggest?: string[] } }
 *
 * Each inner array of `items` is one page: its items are the page itself
 * (location without "#", shown as the heading) and its matching sections, best
 * first. An item is { location, title, text, score, terms }: title and text
 * are HTML (Material inserts them as is), so they are escaped here and matched
 * words wrapped in <mark data-md-highlight>; `terms` maps each query word to
 * whether the item contains it (false ones are shown struck through).
 *
 * Material's lunr index (SETUP's `docs`) only holds pages notesgraph did not
 * exclude; they are searched by plain substring. The real index is notesgraph's
 * own assets/generated/search-index.json, analysed at build time by Kiwi (see
 * notesgraph/search/index.py for the format). No network beyond that fetch.
 */
"use strict"

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

const MAX_GROUPS = 50 // pages returned; Material renders 10 and more on scroll
const MAX_SECTIONS = 12 // sections per page
const MAX_PREFIX = 40 // terms a prefix may stand for
const SNIPPET = 220 // characters of text shown per item

// Same runs as notesgraph/search/korean.py (_RUN_RE): number (+unit), Latin, Hangul, Han.
const RUN = /([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(%|[a-z]+)?|([a-z][a-z0-9]*)|([가-힣]+)|([\u4e00-\u9fff]+)/g
const HANGUL = /^[가-힣]+$/

// Start loading at once: SETUP only arrives after Material fetched its own index.
// The worker is assets/notesgraph/search-worker.js; generated files live in assets/generated/.
const indexUrl = new URL("../generated/search-index.json", self.location.href)
// A missing or broken index is handled here, at once: search then covers the
// pages Material indexed, and no unhandled rejection reaches the console.
const pending = fetch(indexUrl, { cache: "no-cache" })
  .then(response => {
    if (!response.ok) throw new Error(`${indexUrl}: HTTP ${response.status}`)
    return response.json()
  })
  .catch(err => {
    console.warn("notesgraph search: index not loaded, searching Material's only", err)
    return null
  })

let search = null

self.addEventListener("message", async ev => {
  const message = ev.data
  if (message.type === SETUP) {
    const setup = message.data || {}
    search = new Search(await pending, setup.docs || [], setup.options || {})
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    let data = { items: [] }
    try {
      if (search) data = search.query(String(message.data || ""))
    } catch (err) {
      console.warn(`notesgraph search: query failed: ${message.data}`, err)
    }
    self.postMessage({ type: RESULT, data })
  }
})

/* ------------------------------------------------------------------ index */

/** The loaded index: docs, terms, postings (inverted from the pages on load), synonyms. */
class Search {
  constructor(raw, materialDocs, options) {
    raw = raw || {
      config: { suffixes: [], units: [] }, kinds: [], terms: [], pages: [], synonyms: []
    }
    this.options = options
    this.suffixes = raw.config.suffixes
    this.units = raw.config.units
    this.scales = raw.config.scales || {}
    this.terms = raw.terms
    this.termId = new Map(raw.terms.map((term, i) => [term, i]))
    this.docs = []
    this.invert(raw.pages, raw.kinds)
    this.indexed = this.docs.length
    this.synonyms = new Map()
    for (const [label, keys, service, spellings] of raw.synonyms) {
      const group = { label, keys, service, spellings }
      for (const key of keys) this.synonyms.set(key, group)
    }
    this.children = null
    this.addMaterialDocs(materialDocs)
  }

  /**
   * Docs and one postings list per term from the pages. A page is
   * [url, kind, boost, docs, term ids, postings], the last two varint text
   * (see varints): term ids delta-coded; per term, its number of docs then
   * (doc - previous doc) * 8 + code, docs counted within the page. Two passes:
   * count per term, then fill typed arrays.
   */
  invert(pages, kinds) {
    const count = new Int32Array(this.terms.length + 1)
    const decoded = pages.map(page => [varints(page[4]), varints(page[5])])
    pages.forEach(([url, kind, boost, docs], p) => {
      const first = this.docs.length
      for (const [anchor, title, text] of docs) {
        this.docs.push({ location: anchor ? `${url}#${anchor}` : url, title, text,
                         kind: kinds[kind], boost, page: first })
      }
      const [ids, postings] = decoded[p]
      let term = 0
      let at = 0
      for (const delta of ids) {
        term += delta
        count[term + 1] += postings[at]
        at += postings[at] + 1
      }
    })
    for (let t = 1; t < count.length; t++) count[t] += count[t - 1]
    this.start = count
    this.postingDocs = new Int32Array(count[count.length - 1])
    this.postingCodes = new Uint8Array(count[count.length - 1])
    const fill = count.slice(0, -1)
    let base = 0
    pages.forEach((page, p) => {
      const [ids, postings] = decoded[p]
      let term = 0
      let at = 0
      for (const delta of ids) {
        term += delta
        const n = postings[at++]
        let doc = base
        for (let i = 0; i < n; i++) {
          const entry = postings[at++]
          doc += entry >> 3
          const k = fill[term]++
          this.postingDocs[k] = doc
          this.postingCodes[k] = entry & 7
        }
      }
      base += page[3].length
    })
  }

  /** Pages Material indexed (not excluded by notesgraph), for substring search. */
  addMaterialDocs(docs) {
    const known = new Set(this.docs.map(doc => doc.location))
    const pages = new Map()
    for (const doc of docs) {
      if (known.has(doc.location)) continue
      const path = doc.location.split("#")[0]
      const id = this.docs.length
      if (!pages.has(path)) pages.set(path, id)
      this.docs.push({
        location: doc.location,
        title: plain(doc.title || ""),
        text: plain(doc.text || ""),
        kind: "material",
        boost: doc.boost || 1,
        page: pages.get(path),
        lower: null
      })
    }
  }

  known(term) {
    return this.termId.has(term) || this.synonyms.has(term)
  }

  /** Postings of one term: parallel arrays of doc ids and 3-bit codes. */
  postings(id) {
    const from = this.start[id]
    const to = this.start[id + 1]
    return { docs: this.postingDocs.subarray(from, to), codes: this.postingCodes.subarray(from, to) }
  }

  /** Number of docs holding term `id`. */
  df(id) {
    return this.start[id + 1] - this.start[id]
  }

  /** Ids of terms starting with `prefix` (binary search on the sorted list). */
  prefixed(prefix) {
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.terms[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    const ids = []
    for (let i = lo; i < this.terms.length && ids.length < MAX_PREFIX; i++) {
      if (!this.terms[i].startsWith(prefix)) break
      ids.push(i)
    }
    return ids
  }

  pageChildren() {
    if (!this.children) {
      this.children = new Map()
      for (let id = 0; id < this.indexed; id++) {
        const page = this.docs[id].page
        if (page === id) continue
        if (!this.children.has(page)) this.children.set(page, [])
        this.children.get(page).push(id)
      }
    }
    return this.children
  }

  /* ---------------------------------------------------------------- query */

  query(input) {
    const terms = analyseQuery(this, input)
    if (!terms.length) return { items: [] }

    const scores = new Map() // doc -> { score, matched: Set<term index> }
    terms.forEach((term, t) => {
      const found = this.evaluate(term)
      for (const id of this.substring(term)) found.set(id, Math.max(found.get(id) || 0, 1))
      for (const [id, score] of found) {
        let entry = scores.get(id)
        if (!entry) scores.set(id, entry = { score: 0, matched: new Set() })
        entry.score += score
        entry.matched.add(t)
      }
    })

    // Rank: every query word matched beats most of them; then score and boost.
    let best = 0
    for (const [id, entry] of scores) {
      const coverage = entry.matched.size / terms.length
      entry.score *= (coverage === 1 ? 1 : 0.25 * coverage) * (this.docs[id].boost || 1)
      best = Math.max(best, entry.score)
    }

    // A service name puts that service's page first (and helps it otherwise).
    for (const term of terms) {
      const service = term.service
      if (service < 0) continue
      const entry = scores.get(service) || { score: 0, matched: new Set([terms.indexOf(term)]) }
      entry.score = terms.length === 1 ? best * 2 + 1 : entry.score * 1.5 + best * 0.25
      scores.set(service, entry)
    }
    return this.render(terms, scores, input)
  }

  /** doc -> score for one query word: the best of its alternatives. */
  evaluate(term) {
    const result = new Map()
    for (const alt of term.alts) {
      const slots = alt.slots.map(slot => this.slot(slot))
      slots.sort((a, b) => a.size - b.size)
      for (const [id, first] of slots[0] || []) {
        let sum = first
        let all = true
        for (let i = 1; i < slots.length && all; i++) {
          const score = slots[i].get(id)
          if (score === undefined) all = false
          else sum += score
        }
        if (!all) continue
        const score = sum * alt.factor
        if (score > (result.get(id) || 0)) result.set(id, score)
      }
    }
    return result
  }

  /**
   * doc -> score for a set of interchangeable terms (a word and its synonyms).
   * Title and text evidence are taken separately, each from its best spelling,
   * and added: "216. 람다 개요" with "AWS Lambda" in its text beats a section
   * naming Lambda once.
   */
  slot(options) {
    const title = new Map()
    const text = new Map()
    const n = this.indexed
    for (const [id, weight] of options) {
      const { docs, codes } = this.postings(id)
      const idf = weight * Math.log(1 + n / docs.length)
      for (let i = 0; i < docs.length; i++) {
        const code = codes[i]
        const doc = docs[i]
        const inText = idf * TEXT_WEIGHT[code >> 1]
        if (inText > (text.get(doc) || 0)) text.set(doc, inText)
        if (!(code & 1)) continue
        const inTitle = idf * TITLE_WEIGHT
        if (inTitle > (title.get(doc) || 0)) title.set(doc, inTitle)
        // A note's title names what all its sections are about ("람다 정리"); a
        // service page's features are found by their own names instead.
        if (this.docs[doc].page === doc && this.docs[doc].kind === "note") {
          for (const child of this.pageChildren().get(doc) || []) {
            if (inTitle * 0.4 > (text.get(child) || 0)) text.set(child, inTitle * 0.4)
          }
        }
      }
    }
    for (const [doc, score] of title) text.set(doc, (text.get(doc) || 0) + score)
    return text
  }

  /** Ids of Material-indexed docs containing one of the word's spellings. */
  substring(term) {
    const found = []
    if (this.docs.length === this.indexed) return found
    for (let id = this.indexed; id < this.docs.length; id++) {
      const doc = this.docs[id]
      if (!doc.lower) doc.lower = `${doc.title}\n${doc.text}`.toLowerCase()
      if (term.needles.some(needle => needle && doc.lower.includes(needle))) found.push(id)
    }
    return found
  }

  /* --------------------------------------------------------------- output */

  render(terms, scores, input) {
    const marker = highlighter(terms)
    const groups = new Map()
    for (const [id, entry] of scores) {
      const page = this.docs[id].page
      if (!groups.has(page)) groups.set(page, [])
      groups.get(page).push({ id, entry })
    }
    const ranked = [...groups.entries()]
      .map(([page, members]) => {
        members.sort((a, b) => b.entry.score - a.entry.score || a.id - b.id)
        return { page, members, score: members[0].entry.score }
      })
      .sort((a, b) => b.score - a.score || a.page - b.page)
      .slice(0, MAX_GROUPS)

    const items = ranked.map(({ page, members }) => {
      const shown = members.slice(0, MAX_SECTIONS)
      const list = shown.map(({ id, entry }) => this.item(id, entry, terms, marker))
      // Material's list needs the page's own item: it becomes the group heading.
      if (!shown.some(({ id }) => id === page)) {
        list.push({ location: this.docs[page].location, title: escape(this.docs[page].title),
                    text: "", score: 0, terms: {} })
      }
      return list
    })
    const result = { items }
    if (this.options.suggest) result.suggest = this.suggest(input)
    return result
  }

  item(id, entry, terms, marker) {
    const doc = this.docs[id]
    const seen = new Set()
    const title = marker(doc.title, seen, false)
    const text = marker(doc.text, seen, true)
    const matched = {}
    terms.forEach((term, t) => { matched[term.display] = entry.matched.has(t) })
    // Marked spellings ("lambda" for 람다) also go to Material's ?h= page highlight.
    for (const word of seen) {
      if (!(word in matched) && word.length > 1 && !/\s/.test(word)) matched[word] = true
    }
    return {
      location: doc.location,
      title,
      text: text ? `<p>${text}</p>` : "",
      score: Math.round(entry.score * 1000) / 1000,
      terms: matched
    }
  }

  /** Completion of the last word Material shows greyed out (feature search.suggest). */
  suggest(input) {
    const words = input.normalize("NFKC").toLowerCase().split(/[\s-]+/)
    const last = words[words.length - 1]
    if (!last || last.length < 2) return []
    let best = null
    let df = 0
    for (const id of this.prefixed(last)) {
      const size = this.df(id)
      if (this.terms[id].length > last.length && size > df) {
        best = this.terms[id]
        df = size
      }
    }
    return best ? [best] : []
  }
}

/* ---------------------------------------------------------------- varints */

// notesgraph/search/fields.py (varints): five bits per character, low bits
// first, the sixth bit set when another character follows.
const VARINT_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const VARINT_VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < VARINT_DIGITS.length; i++) VARINT_VALUE[VARINT_DIGITS.charCodeAt(i)] = i

function varints(text) {
  const out = new Int32Array(text.length)
  let n = 0
  let value = 0
  let shift = 0
  for (let i = 0; i < text.length; i++) {
    const digit = VARINT_VALUE[text.charCodeAt(i)]
    value += (digit & 31) * 2 ** shift
    if (digit & 32) {
      shift += 5
    } else {
      out[n++] = value
      value = 0
      shift = 0
    }
  }
  return out.subarray(0, n)
}

const TEXT_WEIGHT = [0, 1, 1.4, 1.7]
const TITLE_WEIGHT = 3

/* --------------------------------------------------------- query analysis */

/**
 * Query words with their alternatives. A word becomes
 *   { display, alts: [{ factor, slots: [[[termId, weight], …], …] }], needles, service }
 * where an alternative matches a doc if every slot (AND) has one of its terms (OR).
 */
function analyseQuery(search, input) {
  const text = input.normalize("NFKC").toLowerCase()
  const tokens = tokenize(search, text)
  const words = []
  for (let i = 0; i < tokens.length; i++) {
    // An alias over several words ("API 게이트웨이", "사용자 풀") is one query word.
    let merged = false
    for (let n = Math.min(4, tokens.length - i); n >= 2 && !merged; n--) {
      const key = tokens.slice(i, i + n).map(t => t.head).join("")
      if (search.synonyms.has(key)) {
        const display = tokens.slice(i, i + n).map(t => t.head).join(" ")
        words.push(phraseWord(search, key, display))
        i += n - 1
        merged = true
      }
    }
    if (!merged) words.push(tokenWord(search, tokens[i], i === tokens.length - 1))
  }
  const unique = new Map()
  for (const word of words) if (!unique.has(word.display)) unique.set(word.display, word)
  return [...unique.values()]
}

/** Runs of the query, with particles stripped and units glued to their number. */
function tokenize(search, text) {
  const tokens = []
  let end = 0
  for (const match of text.matchAll(RUN)) {
    const gap = text.slice(end, match.index)
    end = match.index + match[0].length
    const previous = tokens[tokens.length - 1]
    if (match[1] !== undefined) {
      tokens.push({ kind: "num", text: match[1].replace(/,/g, ""), unit: match[2] || "" })
    } else if (match[4] !== undefined) {
      let word = match[4]
      let glued = gap === ""
      if (previous && previous.kind === "num" && !previous.unit && (glued || gap === " ")) {
        const unit = search.units.find(u => word.startsWith(u) &&
          (glued || word === u || search.suffixes.includes(word.slice(u.length))))
        if (unit) {
          previous.unit = unit
          word = word.slice(unit.length)
          glued = true
          if (!word) continue
        }
      }
      // The particle of "Lambda의" or "15분이며": the index drops it the same way.
      if (previous && glued && previous.kind !== "hang" && search.suffixes.includes(word)) continue
      tokens.push({ kind: "hang", text: word })
    } else {
      tokens.push({ kind: "lat", text: match[3] || match[5] })
    }
  }
  for (const token of tokens) {
    if (token.kind === "num") token.head = token.text + token.unit
    else if (token.kind === "hang") token.head = stripSuffix(search, token.text)
    else token.head = token.text
  }
  // A bare particle ("람다 의") is not a word of the query.
  return tokens.filter(t => !(t.kind === "hang" && !search.known(t.head) &&
                              search.suffixes.includes(t.text)))
}

/** `word` without its particle or ending when what remains is a known term (cf. korean.py). */
function stripSuffix(search, word) {
  if (search.known(word)) return word
  let best = ""
  for (const suffix of search.suffixes) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue
    const stem = word.slice(0, -suffix.length)
    if (search.known(stem) && stem.length > best.length) best = stem
    for (const inner of search.suffixes) {
      if (stem.length > inner.length && stem.endsWith(inner)) {
        const deeper = stem.slice(0, -inner.length)
        if (search.known(deeper) && deeper.length > best.length) best = deeper
      }
    }
  }
  return best || word
}

/** Known pieces spelling a Hangul word without spaces ("사용자풀" → 사용자, 풀), or null. */
function segment(search, word) {
  const n = word.length
  const best = new Array(n + 1).fill(null)
  best[0] = { pieces: [], cost: 0 }
  for (let i = 0; i < n; i++) {
    if (!best[i]) continue
    for (let j = i + 1; j <= n; j++) {
      const piece = word.slice(i, j)
      let next = null
      // A lone syllable that is also a particle (지, 이, 의…) is an ending, not a word.
      const lone = piece.length === 1 && search.suffixes.includes(piece)
      if (search.known(piece) && piece !== word && !lone) {
        next = { pieces: [...best[i].pieces, piece], cost: best[i].cost + (piece.length === 1 ? 1.5 : 1) }
      } else if (j === n && i > 0 && search.suffixes.includes(piece)) {
        next = { pieces: best[i].pieces, cost: best[i].cost + 0.1 }
      }
      if (next && (!best[j] || next.cost < best[j].cost)) best[j] = next
    }
  }
  const found = best[n]
  // Many one-syllable pieces ("클"+"라"+…) would be a guess, not a spacing variant.
  if (!found || found.pieces.length < 2 || found.pieces.length > 3) return null
  return found.pieces.filter(p => p.length === 1).length <= 1 ? found.pieces : null
}

function tokenWord(search, token, last) {
  // The head is always a needle: it marks snippets and finds Material-indexed pages.
  const word = { display: token.head, alts: [], needles: [token.head], service: -1 }
  const head = token.head
  if (search.known(head)) add(search, word, [head], 1)
  if (token.kind === "num") {
    // "15분" also finds "900초": both carry the quantity term "=900s" (korean.py).
    const same = quantityTerm(search, token.text, token.unit)
    if (same && search.known(same)) add(search, word, [same], 0.9)
    if (token.unit && !search.known(head)) add(search, word, [token.text], 0.5)
  } else if (token.kind === "hang" && head.length >= 3) {
    // Spacing: "사용자풀" also finds "사용자 풀", "람다함수" finds "Lambda 함수".
    const pieces = segment(search, head) || (head !== token.text && segment(search, token.text))
    if (pieces) add(search, word, pieces, search.known(head) ? 0.7 : 0.85)
  }
  // As you type, and for words the vault never spells this way: prefix matches.
  if (last || !word.alts.length) {
    const ids = search.prefixed(head).filter(id => search.terms[id] !== head)
    if (ids.length) word.alts.push({ factor: 0.6, slots: [ids.map(id => [id, 1])] })
  }
  return word
}

/** The unit-free term of a quantity, as notesgraph/search/korean.py makes it. */
function quantityTerm(search, number, unit) {
  const scale = search.scales[unit]
  if (!scale) return ""
  const value = parseFloat(number) * scale[1]
  if (!Number.isInteger(value) || value >= 2 ** 53) return ""
  return `=${value}${scale[0]}`
}

function phraseWord(search, key, display) {
  const word = { display, alts: [], needles: [], service: -1 }
  add(search, word, [key], 1)
  return word
}

/** Adds the alternative "all of `keys`", each key standing for its synonym group. */
function add(search, word, keys, factor) {
  const slots = []
  for (const key of keys) {
    // Marking every lone syllable of a split word would light up half the text.
    if (keys.length > 1 && key.length < 2) {
      const id = search.termId.get(key)
      if (id === undefined) return
      slots.push([[id, 1]])
      continue
    }
    const group = search.synonyms.get(key)
    const options = []
    for (const k of group ? group.keys : [key]) {
      const id = search.termId.get(k)
      if (id !== undefined) options.push([id, k === key ? 1 : 0.9])
    }
    word.needles.push(key, ...(group ? group.spellings : []))
    if (group && keys.length === 1 && group.service >= 0) word.service = group.service
    if (!options.length) return
    slots.push(options)
  }
  word.alts.push({ factor, slots })
}

/* ------------------------------------------------------------ highlighting */

/**
 * A function marking the query's words in a title or text: escapes HTML, wraps
 * matches in <mark data-md-highlight> and, for text, cuts a snippet around the
 * first match. Hangul needles allow spaces between syllables ("사용자풀" marks
 * "사용자 풀"); numbers allow thousands separators ("1000" marks "1,000").
 */
function highlighter(terms) {
  const needles = [...new Set(terms.flatMap(t => t.needles))].filter(Boolean)
    .sort((a, b) => b.length - a.length)
  if (!needles.length) return (value, seen, cut) => escape(cut ? clip(value, 0) : value)
  const pattern = needles.map(needlePattern).join("|")
  const regex = new RegExp(pattern, "giu")
  return (value, seen, cut) => {
    const spans = []
    regex.lastIndex = 0
    for (const match of value.matchAll(regex)) {
      if (!match[0]) continue
      spans.push([match.index, match.index + match[0].length])
      seen.add(match[0].toLowerCase())
    }
    let start = 0
    let end = value.length
    if (cut && value.length > SNIPPET) {
      start = spans.length ? Math.max(0, spans[0][0] - 60) : 0
      if (start > 0) {
        const space = value.indexOf(" ", start)
        if (space >= 0 && space < spans[0][0]) start = space + 1
      }
      end = Math.min(value.length, start + SNIPPET)
    }
    let html = start > 0 ? "… " : ""
    let at = start
    for (const [a, b] of spans) {
      if (a < at || a >= end) continue
      html += escape(value.slice(at, a)) + `<mark data-md-highlight>${escape(value.slice(a, b))}</mark>`
      at = b
    }
    html += escape(value.slice(at, Math.max(at, end)))
    if (end < value.length) html += " …"
    return html
  }
}

function needlePattern(needle) {
  const chars = [...needle]
  let out = /^[a-z0-9]/.test(needle) ? "(?<![a-z0-9])" : ""
  chars.forEach((ch, i) => {
    const prev = chars[i - 1]
    if (i > 0) {
      if (ch === " ") return
      if (prev === " ") out += "\\s*"
      else if (HANGUL.test(prev) && HANGUL.test(ch)) out += "\\s?"
      else if (/[0-9]/.test(prev) && /[0-9]/.test(ch)) out += ",?"
      else if (/[0-9]/.test(prev)) out += "\\s?"
    }
    out += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")
  })
  return out
}

function clip(value, start) {
  return value.length > SNIPPET ? `${value.slice(start, start + SNIPPET)} …` : value
}

function escape(value) {
  return value.replace(/[&<>"']/g, ch => ESCAPES[ch])
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

/** Text of an HTML fragment from Material's index (titles and texts there are HTML). */
function plain(html) {
  return html.replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e])
    .replace(/\s+/g, " ").trim()
}
