// SPDX-License-Identifier: GPL-2.0
/// User pages taken with FOLL_GET (get_user_pages*) have their data read or
/// written by I/O (bio_add_page, scatterlists, DMA mapping): they must be
/// pinned (FOLL_PIN: pin_user_pages*) and released with unpin_user_page(s)
/// (Documentation/core-api/pin_user_pages.rst).  Pinned pages released
/// with put_page() keep their pin forever.  Patch mode converts the getter
/// and the releases of the same array, as the 2020 conversions did: a
/// put_page() loop becomes unpin_user_pages(), set_page_dirty_lock() and
/// put_page() in a loop become unpin_user_pages_dirty_lock().
//
// Confidence: Moderate
// Comments: the pages must reach the sink in the same function, through
//  the same array; the faultline GCC plugin follows them through fields,
//  helpers and return values.  Names, argument numbers and each getter's
//  FOLL_PIN replacement come from faultline's rules/ (pages-get arg= and
//  instead=; only convert=rename getters are rewritten, the iov_iter ones
//  need iov_iter_extract_pages' other arguments and are only reported).
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

let arg_no f key =
  match key_of f key with
  | Some v -> (try int_of_string v with Failure _ -> 0)
  | None -> 0
let is_get f = List.mem f (names ["pages-get"]) && key_of f "instead" <> None
let renames f = key_of f "convert" = Some "rename"
let is_pin f = List.mem f (names ["pages-pin"])
let is_sink f = List.mem f (names ["pages-sink"])
let is_put f = List.mem f (names ["pages-put"]) && key_of f "instead" <> None
let is_single_put f = is_put f && key_of f "count" = None
let is_dirty f = List.mem f (names ["pages-dirty"])
let instead f =
  match key_of f "instead" with Some g -> g | None -> f

(* The array unpins: with a count= argument, without and with dirty=. *)
let array_unpin dirty =
  List.find_opt
    (fun f -> key_of f "count" <> None && (key_of f "dirty" <> None) = dirty)
    (names ["pages-unpin"])

(* "pages" appears as a word in s (a loop's dirtying condition that does
   not depend on the index can move into the array unpin). *)
let mentions s word =
  let word_char c =
    (c >= Char.chr 97 && c <= Char.chr 122)
    || (c >= Char.chr 65 && c <= Char.chr 90)
    || (c >= Char.chr 48 && c <= Char.chr 57)
    || c = Char.chr 95 in
  let n = String.length s and m = String.length word in
  let rec at i =
    i + m <= n
    && ((String.sub s i m = word
         && (i = 0 || not (word_char s.[i - 1]))
         && (i + m = n || not (word_char s.[i + m])))
        || at (i + 1)) in
  at 0

(* Arrays whose releases patch mode converts: (function, array). *)
let to_unpin = Hashtbl.create 17
let reported = Hashtbl.create 17
let first_time (p : Coccilib.pos) =
  let key = (p.Coccilib.file, p.Coccilib.line, p.Coccilib.col) in
  if Hashtbl.mem reported key then false
  else (Hashtbl.add reported key (); true)

// FOLL_GET pages reaching a sink; P is the getter's arg= argument.
@r exists@
identifier fn;
identifier get : script:ocaml() { is_get get };
identifier sink : script:ocaml() { is_sink sink };
expression list[n] before;
expression P, E;
position p, ps;
@@
fn(...) {
... when any
get@p(before, P, ...)
... when any
sink@ps(..., P[E], ...)
... when any
}

@script:ocaml@
get << r.get;
n << r.n;
@@
if n + 1 <> arg_no get "arg" then Coccilib.include_match false

// Pinned pages released with a FOLL_GET release (pin-mismatch).
@pm exists@
identifier fn;
identifier pin : script:ocaml() { is_pin pin };
identifier put : script:ocaml() { is_put put };
expression list[n] before;
expression P, E, N;
position p, q;
@@
fn(...) {
... when any
pin@p(before, P, ...)
... when any
(
put@q(P[E])
|
put@q(P, N)
)
... when any
}

@script:ocaml@
pin << pm.pin;
n << pm.n;
@@
if n + 1 <> arg_no pin "arg" then Coccilib.include_match false

@script:ocaml depends on report@
p << r.p;
get << r.get;
sink << r.sink;
fn << r.fn;
@@
let p = List.hd p in
if first_time p then
Printf.printf
  "%s:%d:%d-%d: pages from '%s' in '%s' are only referenced (FOLL_GET) but reach '%s'; pin them with '%s' [faultline:gup-unpinned]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end get fn
  sink (instead get)

@script:ocaml depends on report@
q << pm.q;
pin << pm.pin;
put << pm.put;
@@
let q = List.hd q in
if first_time q then
Printf.printf
  "%s:%d:%d-%d: '%s' releases pages taken with FOLL_PIN by '%s'; use '%s' [faultline:pin-mismatch]\n"
  q.Coccilib.file q.Coccilib.line q.Coccilib.col q.Coccilib.col_end put pin
  (instead put)

@depends on context@
identifier r.get;
position r.p;
@@
* get@p(...)

@depends on context@
identifier pm.put;
position pm.q;
@@
* put@q(...)

@script:ocaml depends on org@
p << r.p;
get << r.get;
@@
let p = List.hd p in
if first_time p then
Printf.printf "* TODO [[view:%s::face=ovl-face1::linb=%d::colb=%d::cole=%d][%s pages reach I/O: pin them]]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end get

@script:ocaml depends on org@
q << pm.q;
put << pm.put;
@@
let q = List.hd q in
if first_time q then
Printf.printf "* TODO [[view:%s::face=ovl-face1::linb=%d::colb=%d::cole=%d][%s releases pinned pages]]\n"
  q.Coccilib.file q.Coccilib.line q.Coccilib.col q.Coccilib.col_end put

// Patch mode.  The arrays to convert: those of a getter that renames to
// its FOLL_PIN twin, and pinned arrays released with put_page().
@script:ocaml getter depends on patch@
fn << r.fn;
get << r.get;
pages << r.P;
pin;
@@
if renames get then begin
  Hashtbl.replace to_unpin (fn, pages) ();
  pin := Coccilib.make_ident (instead get)
end else Coccilib.include_match false

@script:ocaml depends on patch@
fn << pm.fn;
pages << pm.P;
@@
Hashtbl.replace to_unpin (fn, pages) ()

@convert depends on patch@
identifier r.fn, r.get, getter.pin;
position r.p;
@@
fn(...) {
<...
- get@p
+ pin
  (...)
...>
}

// A loop releasing the whole array, dirtying each page first or not.
@loop depends on patch@
identifier fn, i;
identifier put : script:ocaml() { is_single_put put };
identifier dirty : script:ocaml() { is_dirty dirty };
expression P, N, C;
position pl;
@@
fn(...) {
<...
(
for@pl (i = 0; i < N; i++) { dirty(P[i]); put(P[i]); }
|
for@pl (i = 0; i < N; i++) { if (C) dirty(P[i]); put(P[i]); }
|
for@pl (i = 0; i < N; i++) put(P[i]);
)
...>
}

@script:ocaml loop_ok@
fn << loop.fn;
i << loop.i;
pages << loop.P;
cond << loop.C = "true";
unpin;
unpin_dirty;
@@
match (array_unpin false, array_unpin true) with
| (Some u, Some ud)
  when Hashtbl.mem to_unpin (fn, pages) && not (mentions cond i) ->
    unpin := Coccilib.make_ident u;
    unpin_dirty := Coccilib.make_ident ud
| _ -> Coccilib.include_match false

@depends on patch@
identifier loop.fn, loop.i, loop.put, loop.dirty;
identifier loop_ok.unpin, loop_ok.unpin_dirty;
expression loop.P, loop.N, loop.C;
position loop.pl;
symbol true;
@@
fn(...) {
<...
(
- for@pl (i = 0; i < N; i++) { dirty(P[i]); put(P[i]); }
+ unpin_dirty(P, N, true);
|
- for@pl (i = 0; i < N; i++) { if (C) dirty(P[i]); put(P[i]); }
+ unpin_dirty(P, N, C);
|
- for@pl (i = 0; i < N; i++) put(P[i]);
+ unpin(P, N);
)
...>
}

// Any other release of a converted array: put_page -> unpin_user_page,
// release_pages -> unpin_user_pages (instead= of the release's rule).
@release_site depends on patch@
identifier fn;
identifier put : script:ocaml() { is_put put };
expression P, E, N;
position q;
@@
fn(...) {
<...
(
put@q(P[E])
|
put@q(P, N)
)
...>
}

@script:ocaml release_ok@
fn << release_site.fn;
put << release_site.put;
pages << release_site.P;
unpin;
@@
if Hashtbl.mem to_unpin (fn, pages) then
  unpin := Coccilib.make_ident (instead put)
else Coccilib.include_match false

@depends on patch@
identifier release_site.fn, release_site.put, release_ok.unpin;
position release_site.q;
@@
fn(...) {
<...
- put@q
+ unpin
  (...)
...>
}
