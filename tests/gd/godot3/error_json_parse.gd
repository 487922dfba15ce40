extends SceneTree

func try_parse(text):
	var r = JSON.parse(text)
	print("[", text.c_escape(), "] error=", r.error, " line=", r.error_line, " msg=", r.error_string, " result=", r.result)

func _init():
	try_parse("")
	try_parse("{")
	try_parse("[1, 2,]")
	try_parse("{\"a\" 1}")
	try_parse("tru")
	try_parse("\"unterminated")
	try_parse("{1: 2}")
	try_parse("[1]\n[2]")
	try_parse("{\"k\": [1, 2.5}")
	try_parse("\n\n[1,")
	print(parse_json("not json"))
	quit()
