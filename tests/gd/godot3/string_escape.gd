extends SceneTree

func _init():
	var raw = "tab\tnew\nquote\"back\\ bell\u0007 é"
	print(raw.c_escape())
	print("a\\nb\\t\\\"c\\\\".c_unescape())
	print("a b&c=d/é?".http_escape())
	print("a%20b%26c".http_unescape())
	print("a b/é+%".percent_encode())
	print("a%20b%2Fc".percent_decode())
	print("<a href='x'>&</a>".xml_escape())
	print("&lt;b&gt; &amp; &quot;".xml_unescape())
	print("multi\nline".json_escape())
	print("\"quoted\"".json_escape())
	quit()
