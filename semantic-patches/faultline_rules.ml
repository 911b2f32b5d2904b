(* SPDX-License-Identifier: GPL-2.0 *)
(* The rules reader every semantic patch starts with: make copies this file
   into the OCaml initializer of each script (build/semantic-patches/),
   so the kernel API names live in rules/ only. *)

(* The rules directory: FAULTLINE_RULES, else the path make wrote in. *)
let rules_dir =
  try Sys.getenv "FAULTLINE_RULES" with Not_found -> "@FAULTLINE_RULES@"

(* "KIND<TAB>NAME ..." lines of every rules file; comments and blanks out.
   Characters are spelled by code: SmPL's lexer reads quotes its own way. *)
let tab = Char.chr 9 and space = Char.chr 32 and hash = Char.chr 35
let full = ref []
let rules =
  let files =
    try Array.to_list (Sys.readdir rules_dir) with Sys_error _ -> [] in
  let files = List.filter (fun f -> Filename.check_suffix f ".rules") files in
  if files = [] then
    failwith ("faultline: no rules in " ^ rules_dir ^ " (set FAULTLINE_RULES)");
  List.concat_map
    (fun f ->
      let ic = open_in (Filename.concat rules_dir f) in
      let rec loop acc =
        match input_line ic with
        | line ->
            let words =
              List.filter (fun w -> w <> "")
                (String.split_on_char space
                   (String.map (fun c -> if c = tab then space else c) line))
            in
            (match words with
             | kind :: name :: keys when kind.[0] <> hash ->
                 full := (kind, name, keys) :: !full;
                 loop ((kind, name) :: acc)
             | _ -> loop acc)
        | exception End_of_file -> close_in ic; acc
      in
      loop [])
    files

let names kinds =
  List.filter_map (fun (k, n) -> if List.mem k kinds then Some n else None) rules

(* The value of KEY= in the rule of NAME, e.g. instead= of get_user_pages. *)
let key_of name key =
  let prefix = key ^ "=" in
  let n = String.length prefix in
  List.fold_left
    (fun found (_, nm, keys) ->
      if nm <> name then found
      else
        List.fold_left
          (fun f k ->
            if String.length k > n && String.sub k 0 n = prefix then
              Some (String.sub k n (String.length k - n))
            else f)
          found keys)
    None !full
