extends SceneTree
# POST of a form built by query_string_from_dict; the server echoes the request.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	var fields = {"user": "Jürgen Müller", "score": 42, "ratio": 1.5, "flag": true,
			"tags": ["a b", "c&d"], "empty": null, "sym": "=/?:*~_.-"}
	var form = client.query_string_from_dict(fields)
	print("form: ", form)
	var headers = ["Content-Type: application/x-www-form-urlencoded"]
	Util.send(client, HTTPClient.METHOD_POST, "/echo", headers, form)
	Util.describe(client)
	print(Util.read_body(client))
	print("status after body: ", client.get_status())
	quit()
