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
//  Patch mode rewrites partial I/O (partial-io rules: iomap_dio_rw) into
//  the faults-disabled, fault-in and retry shape only where the call
//  already takes the partial flag and a done-before count (5.16 and
//  later) and its done-before count is 0; it moves a copy-out after the
//  unlock only when what is copied is a local (value, array or address)
//  that nothing between them uses.
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

(* Partial I/O (iomap_dio_rw with IOMAP_DIO_PARTIAL) and the fault-in
   calls that go with it, for the shape (a) rewrite below. *)
let is_partial f = List.mem f (names ["partial-io"])
let arg_no f key =
  match key_of f key with
  | Some v -> (try int_of_string v with Failure _ -> 0)
  | None -> 0
let fault_in dir =
  List.find_opt (fun n -> key_of n "dir" = Some dir) (names ["fault-in"])
let object_nofault_field =
  List.find_opt
    (fun n -> key_of n "scope" = Some "object")
    (names ["nofault-field"])

(* The arguments of a call as spatch prints them ("a , f(b, c) , d"),
   split at the commas outside parentheses. *)
let split_args s =
  let comma = Char.chr 44 in
  let opening c = c = Char.chr 40 || c = Char.chr 91 || c = Char.chr 123 in
  let closing c = c = Char.chr 41 || c = Char.chr 93 || c = Char.chr 125 in
  let parts = ref [] and depth = ref 0 and b = Buffer.create 32 in
  String.iter
    (fun c ->
      if c = comma && !depth = 0 then begin
        parts := String.trim (Buffer.contents b) :: !parts;
        Buffer.clear b
      end else begin
        if opening c then incr depth else if closing c then decr depth;
        Buffer.add_char b c
      end)
    s;
  List.rev (String.trim (Buffer.contents b) :: !parts)

let is_c_identifier s =
  s <> ""
  && String.for_all
       (fun c ->
         (c >= Char.chr 97 && c <= Char.chr 122)
         || (c >= Char.chr 65 && c <= Char.chr 90)
         || (c >= Char.chr 48 && c <= Char.chr 57)
         || c = Char.chr 95)
       s

let contains s sub =
  let n = String.length s and m = String.length sub in
  let rec at i = i + m <= n && (String.sub s i m = sub || at (i + 1)) in
  at 0

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
// The value or buffer copied out must be the function's own (a local, a
// local array, a local's address): a pointer into shared data would be read with the lock
// dropped, so such a copy is only reported.
@bounce depends on patch exists@
identifier fplock.lock;
identifier unlock : script:ocaml() { is_unlock unlock };
identifier out : script:ocaml() { is_copy_out out };
expression E, U, N;
type T;
local idexpression V;
local idexpression T[] A;
local idexpression T L;
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
- if (out(U, A, N)) S
... when != A
unlock(E, ...);
+ if (out(U, A, N))
+ 	S
|
- if (out(U, &L, N)) S
... when != L
unlock(E, ...);
+ if (out(U, &L, N))
+ 	S
)

// Patch mode, shape (a): partial I/O (iomap_dio_rw) under the lock, in a
// tree whose call takes the partial flag and a done-before count, becomes
// the gfs2 5.16 fix: faults disabled around the call, which then stops
// short instead of faulting; after the unlock the rest of the iterator is
// faulted in and the whole thing retried while the fault-in makes progress.
@dio depends on patch exists@
identifier fplock.lock;
identifier unlock : script:ocaml() { is_unlock unlock };
identifier partial : script:ocaml() { is_partial partial };
identifier nf : script:ocaml() { is_nofault nf };
identifier nff : script:ocaml() { is_nofault_field nff };
identifier fn;
expression E, E1;
expression list args;
idexpression ret;
position p;
@@
fn(...) {
... when any
lock(E, ...)
... when != unlock(E, ...)
    when != nf()
    when != E1->nff = true
ret = partial@p(args);
...
unlock(E, ...)
... when any
}

@script:ocaml dio_args@
partial << dio.partial;
args << dio.args;
call;
iter;
nofault_field;
done_count;
left;
retry;
begin_nofault;
end_nofault;
fault_in_read;
fault_in_write;
iter_count;
iter_dir;
read_dir;
@@
let a = Array.of_list (split_args args) in
let iter_no = arg_no partial "iter" and flags_no = arg_no partial "flags"
and done_no = arg_no partial "done" and flag = key_of partial "flag" in
let fits n = n >= 1 && n <= Array.length a in
let iter_dir_of = match names ["iter-dir"] with d :: _ -> Some d | [] -> None in
let read_value = match iter_dir_of with Some d -> key_of d "flag" | None -> None in
match (flag, object_nofault_field, fault_in "read", fault_in "write",
       nofault_begin, names ["nofault-end"],
       names ["iter-count"], iter_dir_of, read_value) with
| (Some flag, Some field, Some rd, Some wr, nb :: _, ne :: _,
   cnt :: _, Some dir, Some rv)
  when fits iter_no && fits flags_no && fits done_no
       && is_c_identifier a.(iter_no - 1)
       && a.(done_no - 1) = "0"
       && not (contains a.(flags_no - 1) flag) ->
    let f = a.(flags_no - 1) in
    a.(flags_no - 1) <- (if f = "0" then flag else f ^ " | " ^ flag);
    a.(done_no - 1) <- "dio_done";
    let field = match split_field field with Some (_, f) -> f | None -> field in
    call :=
      Coccilib.make_expr
        (partial ^ "(" ^ String.concat ", " (Array.to_list a) ^ ")");
    iter := Coccilib.make_expr a.(iter_no - 1);
    nofault_field := Coccilib.make_ident field;
    done_count := Coccilib.make_ident "dio_done";
    left := Coccilib.make_ident "dio_left";
    retry := Coccilib.make_ident "retry_dio";
    begin_nofault := Coccilib.make_ident nb;
    end_nofault := Coccilib.make_ident ne;
    fault_in_read := Coccilib.make_ident rd;
    fault_in_write := Coccilib.make_ident wr;
    iter_count := Coccilib.make_ident cnt;
    iter_dir := Coccilib.make_ident dir;
    read_dir := Coccilib.make_ident rv
| _ -> Coccilib.include_match false

@depends on patch exists@
identifier dio.fn, fplock.lock, dio.unlock, dio.partial;
expression dio.E, X;
expression list dio.args;
idexpression dio.ret;
position dio.p;
expression dio_args.call, dio_args.iter;
identifier dio_args.nofault_field, dio_args.done_count, dio_args.left;
identifier dio_args.retry, dio_args.begin_nofault, dio_args.end_nofault;
identifier dio_args.fault_in_read, dio_args.fault_in_write;
identifier dio_args.iter_count, dio_args.iter_dir, dio_args.read_dir;
symbol true, false, EFAULT;
@@
fn(...) {
+ size_t done_count = 0, left = 0;
... when any
(
+ retry:
  lock(E, ...);
|
+ retry:
  X = lock(E, ...);
)
... when != unlock(E, ...)
- ret = partial@p(args);
+ begin_nofault();
+ iter->nofault_field = true;
+ ret = call;
+ iter->nofault_field = false;
+ end_nofault();
+ if (ret > 0)
+ 	done_count = ret;
... when != unlock(E, ...)
unlock(E, ...);
+ if ((ret > 0 || ret == -EFAULT) && iter_count(iter) != left) {
+ 	left = iter_count(iter);
+ 	if (iter_dir(iter) == read_dir && fault_in_read(iter, left) != left)
+ 		goto retry;
+ 	if (iter_dir(iter) != read_dir && fault_in_write(iter, left) != left)
+ 		goto retry;
+ }
+ if (ret >= 0)
+ 	ret = done_count;
... when any
}

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
