// Formats a table of messages x locales x arguments with fluent.js (@fluent/bundle) on Node's
// full ICU, and writes it to tests/data/fluentjs-intl.json: the outside oracle that
// tests/it/intl.rs holds our NUMBER, DATETIME, plain numeric placeables and plural selection to.
//
// Run from this folder: `npm ci && npm run generate`. The output names the versions it came from;
// regenerate after changing the table below, and commit the JSON with the change.
//
// Isolation marks: fluent.js wraps every placeable of a multi-element pattern in U+2068/U+2069
// by default (useIsolating). Our catalog isolates in right-to-left locales only, so the bundle
// here is created with `useIsolating` set the same way (ar, ar-EG): the expected strings carry
// exactly the marks our output must carry, and the comparison is byte for byte.
//
// Time zone: DATETIME in fluent.js formats in the process's zone; the table is generated with
// TZ=UTC (checked below), which is our library's zone unless a message names another.

import { FluentBundle, FluentResource, FluentNumber, FluentDateTime } from "@fluent/bundle";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

process.env.TZ = "UTC";
if (new Intl.DateTimeFormat().resolvedOptions().timeZone !== "UTC") {
  throw new Error("the table must be generated in UTC");
}

const LOCALES = [
  "en-US", "zh-CN", "zh-TW", "ja", "ko", "fr", "de", "es", "pt-BR", "ru", "ar", "vi", "id",
  "ar-EG", "pl", "cy",
];
const RTL = new Set(["ar", "ar-EG"]);

// Every message has text around its placeable, so that isolation marks show where they apply.
const MESSAGES = `
plain = n={ $n }.
number = n={ NUMBER($n) }.
min-integer = n={ NUMBER($n, minimumIntegerDigits: 3) }.
min-fraction = n={ NUMBER($n, minimumFractionDigits: 2) }.
max-fraction-0 = n={ NUMBER($n, maximumFractionDigits: 0) }.
max-fraction-1 = n={ NUMBER($n, maximumFractionDigits: 1) }.
fraction-1-1 = n={ NUMBER($n, minimumFractionDigits: 1, maximumFractionDigits: 1) }.
min-significant = n={ NUMBER($n, minimumSignificantDigits: 3) }.
max-significant = n={ NUMBER($n, maximumSignificantDigits: 2) }.
no-grouping = n={ NUMBER($n, useGrouping: "false") }.
plural = { $n ->
    [zero] zero
    [one] one
    [two] two
    [few] few
    [many] many
   *[other] other
}: { $n }
plural-exact = { $n ->
    [0] exact 0
    [1] exact 1
    [one] one
    [few] few
    [many] many
   *[other] other
}
plural-fraction = { NUMBER($n, minimumFractionDigits: 1) ->
    [zero] zero
    [one] one
    [two] two
    [few] few
    [many] many
   *[other] other
}: { NUMBER($n, minimumFractionDigits: 1) }
date = d={ $d }.
date-short = d={ DATETIME($d, dateStyle: "short") }.
date-medium = d={ DATETIME($d, dateStyle: "medium") }.
date-long = d={ DATETIME($d, dateStyle: "long") }.
date-full = d={ DATETIME($d, dateStyle: "full") }.
time-short = d={ DATETIME($d, timeStyle: "short") }.
time-medium = d={ DATETIME($d, timeStyle: "medium") }.
date-time = d={ DATETIME($d, dateStyle: "medium", timeStyle: "short") }.
ymd-numeric = d={ DATETIME($d, year: "numeric", month: "numeric", day: "numeric") }.
ymd-long = d={ DATETIME($d, year: "numeric", month: "long", day: "numeric") }.
hm = d={ DATETIME($d, hour: "numeric", minute: "numeric") }.
`;

// DATETIME's further options (partial dates, era, hour, fractional seconds, hour12, the
// zone's name, in UTC): their
// cases go to "option_cases", apart from "cases", whose match rate tests/it/intl.rs guards;
// its own test there gives each of their differences a cause.
const OPTION_MESSAGES = `
date-day = d={ DATETIME($d, day: "numeric") }.
date-month-day = d={ DATETIME($d, month: "numeric", day: "numeric") }.
date-month-day-long = d={ DATETIME($d, month: "long", day: "numeric") }.
date-weekday = d={ DATETIME($d, weekday: "long") }.
date-weekday-day = d={ DATETIME($d, weekday: "short", day: "numeric") }.
date-weekday-month-day = d={ DATETIME($d, weekday: "long", month: "long", day: "numeric") }.
date-weekday-ymd-short = d={ DATETIME($d, weekday: "short", year: "numeric", month: "short", day: "numeric") }.
date-month = d={ DATETIME($d, month: "long") }.
date-year-month = d={ DATETIME($d, year: "numeric", month: "long") }.
date-year = d={ DATETIME($d, year: "numeric") }.
date-era = d={ DATETIME($d, era: "short", year: "numeric", month: "numeric", day: "numeric") }.
time-hour = d={ DATETIME($d, hour: "numeric") }.
time-fraction-1 = d={ DATETIME($d, hour: "numeric", minute: "numeric", second: "numeric", fractionalSecondDigits: 1) }.
time-fraction-3 = d={ DATETIME($d, hour: "numeric", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3) }.
time-hour12 = d={ DATETIME($d, timeStyle: "short", hour12: "true") }.
time-hour12-false = d={ DATETIME($d, hour: "numeric", minute: "numeric", hour12: "false") }.
time-long = d={ DATETIME($d, timeStyle: "long") }.
time-full = d={ DATETIME($d, timeStyle: "full") }.
time-zone-short = d={ DATETIME($d, hour: "numeric", minute: "numeric", timeZoneName: "short") }.
time-zone-long = d={ DATETIME($d, hour: "numeric", minute: "numeric", timeZoneName: "long") }.
time-zone-short-offset = d={ DATETIME($d, hour: "numeric", minute: "numeric", timeZoneName: "shortOffset") }.
time-zone-long-offset = d={ DATETIME($d, hour: "numeric", minute: "numeric", timeZoneName: "longOffset") }.
time-zone-short-generic = d={ DATETIME($d, hour: "numeric", minute: "numeric", timeZoneName: "shortGeneric") }.
time-zone-long-generic = d={ DATETIME($d, hour: "numeric", minute: "numeric", timeZoneName: "longGeneric") }.
date-zone = d={ DATETIME($d, year: "numeric", month: "numeric", day: "numeric", timeZoneName: "short") }.
`;

const NUMBERS = [
  0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 21, 22, 25, 100, 101, 102, 1000, 1001, 12345, 1000000,
  1234567.891, 20000000, -1, -3, -1234.5, 0.5, 1.5, 2.5, 0.1, 0.125, 3.14159, 12.3, 999.9999,
];
// Developer-set options on the argument itself (FluentNumberOptions in fluent-rs).
const DEVELOPER_NUMBERS = [
  { value: 0.25, options: { style: "percent" } },
  { value: 1.5, options: { style: "percent" } },
  { value: -0.075, options: { style: "percent" } },
  { value: 1, options: { type: "ordinal" } },
  { value: 2, options: { type: "ordinal" } },
  { value: 3, options: { type: "ordinal" } },
  { value: 11, options: { type: "ordinal" } },
  { value: 23, options: { type: "ordinal" } },
];
// Unix seconds, UTC.
const DATES = [
  0, // 1970-01-01 00:00:00, a Thursday
  951782400, // 2000-02-29 00:00:00, a leap day
  1700000000, // 2023-11-14 22:13:20
  1719835199, // 2024-07-01 11:59:59
  1798761599, // 2026-12-31 23:59:59
];
// With milliseconds, for fractionalSecondDigits only (Intl cuts the digits off, not rounds).
const FRACTION_DATES = [
  1719835199.123, // 2024-07-01 11:59:59.123
  951782400.987, // 2000-02-29 00:00:00.987
];

const resource = new FluentResource(MESSAGES + OPTION_MESSAGES);
const ids = [...MESSAGES.matchAll(/^([a-z0-9-]+) =/gm)].map((m) => m[1]);
const optionIds = [...OPTION_MESSAGES.matchAll(/^([a-z0-9-]+) =/gm)].map((m) => m[1]);
const numberIds = ids.filter((id) => !id.startsWith("date") && !id.startsWith("time") && !["ymd-numeric", "ymd-long", "hm"].includes(id));
const dateIds = ids.filter((id) => !numberIds.includes(id));

const cases = [];
const optionCases = [];
for (const locale of LOCALES) {
  const bundle = new FluentBundle(locale, { useIsolating: RTL.has(locale) });
  const errors = resource.body.length && bundle.addResource(resource);
  if (errors.length) throw new Error(`${locale}: ${errors}`);
  const format = (id, args) => {
    const errors = [];
    const text = bundle.formatPattern(bundle.getMessage(id).value, args, errors);
    if (errors.length) throw new Error(`${locale} ${id}: ${errors}`);
    return text;
  };
  for (const id of numberIds) {
    for (const n of NUMBERS) {
      cases.push({ locale, id, n: { value: n }, expected: format(id, { n }) });
    }
    if (id === "plain" || id === "plural") {
      for (const { value, options } of DEVELOPER_NUMBERS) {
        if (options.type && id !== "plural") continue;
        const n = new FluentNumber(value, options);
        cases.push({ locale, id, n: { value, options }, expected: format(id, { n }) });
      }
    }
  }
  for (const id of dateIds) {
    for (const seconds of DATES) {
      const d = new Date(seconds * 1000);
      cases.push({ locale, id, d: seconds, expected: format(id, { d }) });
    }
  }
  for (const id of optionIds) {
    const dates = id.startsWith("time-fraction") ? [...DATES, ...FRACTION_DATES] : DATES;
    for (const seconds of dates) {
      const d = new Date(Math.round(seconds * 1000));
      const row = { locale, id, d: seconds, expected: format(id, { d }) };
      if (id === "time-hour12-false") {
        // fluent.js reads "false" as true (a 12-hour clock); what the option means is Intl's
        // 24-hour clock, `hourCycle: "h23"` (ECMA-402 since 2024 reads `hour12: false` so).
        const h23 = new Intl.DateTimeFormat(locale, {
          hour: "numeric", minute: "numeric", hourCycle: "h23", timeZone: "UTC",
        }).format(d);
        row.h23 = RTL.has(locale) ? `d=\u2068${h23}\u2069.` : `d=${h23}.`;
      }
      optionCases.push(row);
    }
  }
}

const here = fileURLToPath(new URL(".", import.meta.url));
const lock = JSON.parse(readFileSync(`${here}/package-lock.json`, "utf8"));
const out = {
  source: "fluent.js (@fluent/bundle) formatting on Node's Intl; generated by tools/fluentjs/generate.mjs",
  fluent_bundle: lock.packages["node_modules/@fluent/bundle"].version,
  node: process.versions.node,
  icu: process.versions.icu,
  cldr: process.versions.cldr,
  unicode: process.versions.unicode,
  time_zone: "UTC",
  use_isolating: "right-to-left locales only (ar, ar-EG), as the catalog does",
  messages: (MESSAGES + OPTION_MESSAGES).trimStart().replace("\n\n", "\n"),
  cases,
  option_cases: optionCases,
};
// One case a line: diffs of a regenerated table stay readable.
const header = JSON.stringify({ ...out, cases: undefined, option_cases: undefined }, null, 1).replace(/\n\}$/, "");
const lines = (list) => list.map((c) => JSON.stringify(c)).join(",\n  ");
const body = `${header},\n "cases": [\n  ${lines(cases)}\n ],\n "option_cases": [\n  ${lines(optionCases)}\n ]\n}`;
JSON.parse(body);
writeFileSync(`${here}/../../tests/data/fluentjs-intl.json`, body + "\n");
console.log(`${cases.length} cases and ${optionCases.length} option cases for ${LOCALES.length} locales`);
