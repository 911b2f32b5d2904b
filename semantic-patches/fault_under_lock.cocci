// SPDX-License-Identifier: GPL-2.0
/// A lock that the filesystem's own page-fault handler takes is held across
/// a call that may fault on user memory (copy_to_user, iomap_dio_rw, ...).
/// If the user buffer is an mmap of a file of the same filesystem, the fault
/// runs the handler, which blocks on the lock its own task holds (gfs2
/// before 5.16).  Fix: disable page faults around the call, fault the
/// buffer in with the lock dropped and retry, or copy through a kernel
/// buffer after unlocking.
//
// Confidence: Moderate
// Comments: a lock counts when a page-fault handler (fault-op rules:
//  .fault, .page_mkwrite, .read_folio...) of the same file calls the same
//  lock function; SmPL cannot tell lock objects
//  apart, nor see handlers and locks in other files.  The faultline GCC
//  plugin and faultline-link do.  Kernel API names come from faultline's
//  rules/ (FAULTLINE_RULES, or the path make wrote into this file).
// Options: --no-includes --include-headers --disable-worth-trying-opt
// Keywords: page fault, deadlock, mmap, nofault
// Requires: 1.0.8

virtual report
virtual org
virtual context
virtual patch

@initialize:ocaml@
@@
(* FAULTLINE_RULES_ML: make puts semantic-patches/faultline_rules.ml here *)

let fault_calls = names ["fault"]
let lock_calls = names ["lock"; "trylock"]
let unlock_calls = names ["unlock"]
let nofault_begin = names ["nofault-begin"]

(* TYPE::FIELD -> (TYPE, FIELD) *)
let split_field n =
  match String.split_on_char ':' n with
  | [ty; ""; field] -> Some (ty, field)
  | _ -> None

(* Ops-table members a page fault runs (fault, page_mkwrite, read_folio). *)
let fault_ops = List.filter_map split_field (names ["fault-op"])
let fault_tables = List.map fst fault_ops
let fault_handlers = List.map snd fault_ops

(* Fields whose true value disables faults on their object (iter->nofault). *)
let nofault_fields =
  List.filter_map
    (fun n -> match split_field n with Some (_, f) -> Some f | None -> None)
    (names ["nofault-field"])

let is_fault f = List.mem f fault_calls
let is_lock f = List.mem f lock_calls
let is_unlock f = List.mem f unlock_calls
let is_nofault f = List.mem f nofault_begin
let is_handler f = List.mem f fault_handlers
let is_fault_table t = List.mem t fault_tables
let is_nofault_field f = List.mem f nofault_fields

(* Faulting calls that copy kernel data out (put_user, copy_to_user):
   those a kernel snapshot can be copied out by after the unlock. *)
let is_copy_out f = is_fault f && List.mem f (names ["copy-out"])

(* One report per call, whichever handler matched first. *)
let reported = Hashtbl.create 17
let first_time (p : Coccilib.pos) =
  let key = (p.Coccilib.file, p.Coccilib.line, p.Coccilib.col) in
  if Hashtbl.mem reported key then false
  else (Hashtbl.add reported key (); true)

@fpath@
identifier tbl : script:ocaml() { is_fault_table tbl };
identifier ops, handler;
identifier fld : script:ocaml() { is_handler fld };
@@
const struct tbl ops = { ..., .fld = handler, ... };

@fplock@
identifier fpath.handler;
identifier lock : script:ocaml() { is_lock lock };
@@
handler(...) { <+... lock(...) ...+> }

@r exists@
identifier fplock.lock;
identifier fault : script:ocaml() { is_fault fault };
identifier unlock : script:ocaml() { is_unlock unlock };
identifier nf : script:ocaml() { is_nofault nf };
identifier nff : script:ocaml() { is_nofault_field nff };
identifier fn;
expression E, E1;
position p, pl;
symbol true;
@@
fn(...) {
... when any
lock@pl(E, ...)
... when != unlock(E, ...)
    when != nf()
    when != E1->nff = true
fault@p(...)
... when any
}

@depends on context@
identifier r.fault;
position r.p;
@@
* fault@p(...)

// Patch mode, shape (b): a copy out of a value computed under the lock,
// followed by the unlock, moves after the unlock: the value is a kernel
// snapshot, and the user copy may fault with nothing held.
@bounce depends on patch exists@
identifier fplock.lock;
identifier unlock : script:ocaml() { is_unlock unlock };
identifier out : script:ocaml() { is_copy_out out };
expression E, V, U, N;
statement S;
@@
lock(E, ...)
... when != unlock(E, ...)
(
- if (out(V, U)) S
... when != V
unlock(E, ...);
+ if (out(V, U))
+ 	S
|
- if (out(U, V, N)) S
... when != V
unlock(E, ...);
+ if (out(U, V, N))
+ 	S
)

@script:ocaml depends on report@
p << r.p;
pl << r.pl;
fn << r.fn;
fault << r.fault;
lock << fplock.lock;
handler << fpath.handler;
@@
let p = List.hd p in
let pl = List.hd pl in
if first_time p then
Printf.printf
  "%s:%d:%d-%d: '%s' may fault on user memory in '%s' while the lock taken by '%s' on line %d is held; the fault handler '%s' takes it too [faultline:fault-under-lock]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end fault fn
  lock pl.Coccilib.line handler

@script:ocaml depends on org@
p << r.p;
fn << r.fn;
fault << r.fault;
@@
let p = List.hd p in
if first_time p then
Printf.printf "* TODO [[view:%s::face=ovl-face1::linb=%d::colb=%d::cole=%d][%s in %s may fault under a lock the fault path takes]]\n"
  p.Coccilib.file p.Coccilib.line p.Coccilib.col p.Coccilib.col_end fault fn
