extends SceneTree

func _init():
	var texts = ["1", "1.5", "-7", "true", "null", "\"s\\u00e9\"", "[1, 2, [3]]",
		"{\"a\": {\"b\": null}}", "1e3", "  [ ]  ", "12345678901234567890"]
	for t in texts:
		var v = parse_json(t)
		print(t, " => ", v, " : ", typeof(v))
	var r = JSON.parse("{\"k\": [1, 2.5]}")
	print(r.error, " ", r.error_string, " ", r.error_line, " ", r.result)
	print(parse_json("{\"n\": 3}").n)
	quit()
