# GCC-style faultline diagnostics to one line a finding:
#   FILE<TAB>FUNCTION<TAB>LINE<TAB>CHECK<TAB>MESSAGE
/: In function / {
	fn = $0
	# The quotes are ASCII or UTF-8 depending on the locale.
	sub(/^.*In function /, "", fn)
	sub(/^[^A-Za-z_]+/, "", fn)
	sub(/[^A-Za-z0-9_]+:$/, "", fn)
	split($0, f, ":")
	fnfile = f[1]
	next
}
/ warning: .*\[faultline:[a-z-]+\]$/ {
	split($0, f, ":")
	check = $0
	sub(/^.*\[faultline:/, "", check)
	sub(/\]$/, "", check)
	msg = $0
	sub(/^[^:]*:[0-9]+:[0-9]+: warning: /, "", msg)
	func_name = (f[1] == fnfile) ? fn : "?"
	# Headers come as ./include/...: the same file as include/...
	file = f[1]
	sub(/^\.\//, "", file)
	print file "\t" func_name "\t" f[2] "\t" check "\t" msg
}
