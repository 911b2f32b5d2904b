// SPDX-License-Identifier: GPL-2.0
/// A path that removes blocks of a file that may be DAX (setattr size
/// change, fallocate, remap) does so without breaking layouts first: DMA to
/// the file's pages may still be in flight into blocks that now belong to
/// someone else.  Break layouts (dax_layout_busy_page() through the
/// filesystem's *_break_layouts()) with the invalidate lock held first.
//
// Confidence: Moderate
// Comments: only files that use the DAX API are checked.  The entry points
//  are functions taking a struct iattr * that nothing in the file calls, and
//  what they call with no break before; a break in another file, or a
//  branch on IS_DAX(), is not seen.  The faultline GCC plugin and
//  faultline-link see both.  Names come from faultline's rules/.
//  Patch mode needs the file's own break wrapper taking just the inode
//  (int FS_break_layouts(struct inode *)) and a removal under the layout
//  lock (layout-lock rule) in a function returning int: it calls the
//  wrapper there and, on error, drops the lock and returns the error.
//  Check that nothing else taken before the lock needs undoing.
// Options: --no-includes --include-headers --disable-worth-trying-opt
// Keywords: DAX, truncate, layout break, DMA
// Requires: 1.0.8

virtual report
virtual org
virtual context
virtual patch

@initialize:ocaml@
@@
(* FAULTLINE_RULES_ML: make puts semantic-patches/faultline_rules.ml here *)

let is_remove f = List.mem f (names ["remove-blocks"])
(* The filesystem's own wrappers count as breaks (rule wrapper below). *)
let wrappers = Hashtbl.create 17
let is_break f = List.mem f (names ["layout-break"]) || Hashtbl.mem wrappers f
let is_dax f = List.mem f (names ["dax-api"])
let entry_types = names ["layout-entry-param"]
let reported = Hashtbl.create 17

(* Patch mode: the removals reported, and the file's own break wrappers
   that take just the inode (ext4_break_layouts), to call before them. *)
let unbroken = Hashtbl.create 17
let inode_wrappers = ref []
let key (p : Coccilib.pos) = (p.Coccilib.file, p.Coccilib.line, p.Coccilib.col)
let layout_field =
  match names ["layout-lock"] with
  | cls :: _ -> (
      match String.split_on_char ':' cls with
      | [_; ""; field] -> field
      | _ -> cls)
  | [] -> ""
let takes_layout_lock f kinds =
  List.mem f (names kinds) && key_of f "field" = Some layout_field
let is_layout_lock f =
  takes_layout_lock f ["lock"] && key_of f "mode" = Some "excl"
let is_layout_unlock f = takes_layout_lock f ["unlock"]

@dax@
identifier d : script:ocaml() { is_dax d };
@@
d(...)

@wrapper depends on dax@
identifier w;
identifier b : script:ocaml() { is_break b };
@@
w(...) { <+... b(...) ...+> }

@script:ocaml@
w << wrapper.w;
@@
Hashtbl.replace wrappers w ()

@inode_wrapper depends on dax && patch@
identifier w, i;
identifier b : script:ocaml() { is_break b };
@@
int w(struct inode *i) { <+... b(...) ...+> }

@script:ocaml@
w << inode_wrapper.w;
@@
if not (List.mem w !inode_wrappers) then inode_wrappers := w :: !inode_wrappers

// Functions taking a struct iattr * (the layout-entry-param rule's type).
@entry depends on dax@
identifier ty : script:ocaml() { List.mem ty entry_types };
identifier fn, a;
@@
fn(..., struct ty *a, ...) { ... }

@called depends on entry@
identifier entry.fn;
@@
fn(...)

// A block removal in an entry itself.
@rm depends on dax && entry && !called exists@
identifier entry.fn;
identifier remove : script:ocaml() { is_remove remove };
position p;
@@
fn(...) { <+... remove@p(...) ...+> }

@brk exists@
identifier entry.fn;
identifier b : script:ocaml() { is_break b };
identifier rm.remove;
position rm.p;
@@
fn(...) { ... b(...) ... remove@p(...) ... }

// ... or in a function the entry calls.
@call depends on dax && entry && !called exists@
identifier entry.fn, f;
position pc;
@@
fn(...) { <+... f@pc(...) ...+> }

@inner exists@
identifier call.f;
identifier remove : script:ocaml() { is_remove remove };
position q;
@@
f(...) { <+... remove@q(...) ...+> }

@inner_brk exists@
identifier call.f;
identifier b : script:ocaml() { is_break b };
identifier inner.remove;
position inner.q;
@@
f(...) { ... b(...) ... remove@q(...) ... }

@caller_brk exists@
identifier entry.fn, call.f;
identifier b : script:ocaml() { is_break b };
position call.pc;
@@
fn(...) { ... b(...) ... f@pc(...) ... }

@script:ocaml depends on report && !brk@
p << rm.p;
fn << entry.fn;
remove << rm.remove;
@@
let p = List.hd p in
let key = (p.Coccilib.file, p.Coccilib.line) in
if not (Hashtbl.mem reported key) then begin
  Hashtbl.add reported key ();
  Printf.printf
    "%s:%d:%d-%d: '%s' removes blocks of a file that may be DAX in '%s' without breaking layouts first [faultline:dax-no-layout-break]\n"
    p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end remove fn
end

@script:ocaml depends on report && !caller_brk && !inner_brk@
q << inner.q;
fn << entry.fn;
f << call.f;
remove << inner.remove;
@@
let q = List.hd q in
let key = (q.Coccilib.file, q.Coccilib.line) in
if not (Hashtbl.mem reported key) then begin
  Hashtbl.add reported key ();
  Printf.printf
    "%s:%d:%d-%d: '%s' removes blocks of a file that may be DAX in '%s' (called from '%s') without breaking layouts first [faultline:dax-no-layout-break]\n"
    q.Coccilib.file q.Coccilib.line q.Coccilib.col q.Coccilib.col_end remove f fn
end

@depends on context && !brk@
identifier rm.remove;
position rm.p;
@@
* remove@p(...)

@depends on context && !caller_brk && !inner_brk@
identifier inner.remove;
position inner.q;
@@
* remove@q(...)

@script:ocaml depends on org && !brk@
p << rm.p;
fn << entry.fn;
remove << rm.remove;
@@
let p = List.hd p in
Printf.printf "* TODO [[view:%s::face=ovl-face1::linb=%d::colb=%d::cole=%d][%s in %s removes blocks with no layout break]]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end remove fn

@script:ocaml depends on org && !caller_brk && !inner_brk@
q << inner.q;
f << call.f;
remove << inner.remove;
@@
let q = List.hd q in
Printf.printf "* TODO [[view:%s::face=ovl-face1::linb=%d::colb=%d::cole=%d][%s in %s removes blocks with no layout break]]\n"
  q.Coccilib.file q.Coccilib.line q.Coccilib.col q.Coccilib.col_end remove f

// Patch mode: before a removal reported above that sits under the layout
// lock (taken exclusively) in a function returning int, call the file's
// inode break wrapper; on failure drop the lock and return its error.
@script:ocaml depends on patch && !brk@
p << rm.p;
@@
Hashtbl.replace unbroken (key (List.hd p)) ()

@script:ocaml depends on patch && !caller_brk && !inner_brk@
q << inner.q;
@@
Hashtbl.replace unbroken (key (List.hd q)) ()

@fix_site depends on patch exists@
identifier fn;
identifier lock : script:ocaml() { is_layout_lock lock };
identifier unlock : script:ocaml() { is_layout_unlock unlock };
identifier remove : script:ocaml() { is_remove remove };
expression M;
struct inode *I;
position p;
@@
int fn(...) {
... when any
lock(M);
... when != unlock(M)
remove@p(I, ...);
...
unlock(M);
... when any
}

@script:ocaml fix_call@
p << fix_site.p;
break_call;
err;
@@
match !inode_wrappers with
| w :: _ when Hashtbl.mem unbroken (key (List.hd p)) ->
    break_call := Coccilib.make_ident w;
    err := Coccilib.make_ident "layout_error"
| _ -> Coccilib.include_match false

@depends on patch exists@
identifier fix_site.fn, fix_site.lock, fix_site.unlock, fix_site.remove;
identifier fix_call.break_call, fix_call.err;
expression fix_site.M;
struct inode *fix_site.I;
position fix_site.p;
@@
int fn(...) {
+ int err;
... when any
lock(M);
... when != unlock(M)
+ err = break_call(I);
+ if (err) {
+ 	unlock(M);
+ 	return err;
+ }
remove@p(I, ...);
... when any
}
