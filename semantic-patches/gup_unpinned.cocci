// SPDX-License-Identifier: GPL-2.0
/// User pages taken with FOLL_GET (get_user_pages*) have their data read or
/// written by I/O (bio_add_page, scatterlists, DMA mapping): they must be
/// pinned (FOLL_PIN: pin_user_pages*) and released with unpin_user_page(s)
/// (Documentation/core-api/pin_user_pages.rst).  Patch mode converts the
/// getter and the put_page() releases of the same array, as the 2020
/// conversions did.
//
// Confidence: Moderate
// Comments: the pages must reach the sink in the same function, through
//  the same array; the faultline GCC plugin follows them through fields,
//  helpers and return values.  Names, and each getter's FOLL_PIN
//  replacement (instead=), come from faultline's rules/.
// Options: --no-includes --include-headers --disable-worth-trying-opt
// Keywords: GUP, FOLL_PIN, pin_user_pages, DMA
// Requires: 1.0.8

virtual report
virtual org
virtual context
virtual patch

@initialize:ocaml@
@@
(* FAULTLINE_RULES_ML: make puts semantic-patches/faultline_rules.ml here *)

let is_get f = List.mem f (names ["pages-get"]) && key_of f "instead" <> None
let is_sink f = List.mem f (names ["pages-sink"])
let is_put f = List.mem f (names ["pages-put"]) && key_of f "instead" <> None
let instead f =
  match key_of f "instead" with Some g -> g | None -> f

@r exists@
identifier fn;
identifier get : script:ocaml() { is_get get };
identifier sink : script:ocaml() { is_sink sink };
expression list[3] before;
expression P, E;
position p, ps;
@@
fn(...) {
... when any
get@p(before, P)
... when any
sink@ps(..., P[E], ...)
... when any
}

@script:ocaml depends on report@
p << r.p;
get << r.get;
sink << r.sink;
fn << r.fn;
@@
let p = List.hd p in
Printf.printf
  "%s:%d:%d-%d: pages from '%s' in '%s' are only referenced (FOLL_GET) but reach '%s'; pin them with '%s' [faultline:gup-unpinned]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end get fn
  sink (instead get)

@depends on context@
identifier r.get;
position r.p;
@@
* get@p(...)

@script:ocaml depends on org@
p << r.p;
get << r.get;
@@
let p = List.hd p in
Printf.printf "* TODO [[view:%s::face=ovl-face1::linb=%d::colb=%d::cole=%d][%s pages reach I/O: pin them]]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end get

// Patch mode: the getter becomes its FOLL_PIN twin (instead= of its rule),
// and releases of the array in the same function theirs (put_page ->
// unpin_user_page, release_pages -> unpin_user_pages).
@convert depends on patch@
identifier r.fn, r.get;
fresh identifier pin = script:ocaml(get) { instead get };
position r.p;
@@
fn(...) {
<...
- get@p
+ pin
  (...)
...>
}

@release depends on patch@
identifier r.fn;
identifier put : script:ocaml() { is_put put };
fresh identifier unpin = script:ocaml(put) { instead put };
expression r.P, E, N;
@@
fn(...) {
<...
(
- put(P[E])
+ unpin(P[E])
|
- put(P, N)
+ unpin(P, N)
)
...>
}
