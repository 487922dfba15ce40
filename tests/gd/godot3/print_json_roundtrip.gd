extends SceneTree

func _init():
	var original = {"name": "test", "values": [1, 2.5, -3], "flag": false, "none": null, "nested": {"x": [{}]}}
	var text = to_json(original)
	print(text)
	var back = parse_json(text)
	print(back)
	print(typeof(back["values"][0]), " ", back["values"][0], " ", back == original)
	print(to_json(back) == text)
	var pretty = JSON.print(original, "    ", true)
	print(pretty)
	print(JSON.parse(pretty).result.size())
	quit()
