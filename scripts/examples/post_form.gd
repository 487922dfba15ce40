# POST a form with an HTTPRequest node and print what the server echoed back.
# Run: gdscript run --offline scripts/examples/post_form.gd
extends Node

func _ready():
	var request = HTTPRequest.new()
	add_child(request)
	request.request_completed.connect(_on_completed)
	var fields = {"name": "Godot", "language": "GDScript"}
	var body = HTTPClient.new().query_string_from_dict(fields)
	var headers = ["Content-Type: application/x-www-form-urlencoded"]
	var err = request.request("https://example.com/post", headers, HTTPClient.METHOD_POST, body)
	if err != OK:
		printerr("request failed: ", error_string(err))

func _on_completed(result, response_code, _headers, body):
	if result != HTTPRequest.RESULT_SUCCESS:
		printerr("request failed with result ", result)
		return
	var echoed = JSON.parse_string(body.get_string_from_utf8())
	print("status ", response_code, ", form the server saw: ", echoed["form"])
