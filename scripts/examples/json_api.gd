# Call a JSON API with HTTPRequest and await its completion signal.
# Run: gdscript run --offline scripts/examples/json_api.gd
extends Node

func _ready():
	var request = HTTPRequest.new()
	add_child(request)
	var err = request.request("https://example.com/get?city=Paris&units=metric")
	if err != OK:
		printerr("request failed: ", error_string(err))
		return
	var response = await request.request_completed
	var result = response[0]
	var body: PackedByteArray = response[3]
	if result != HTTPRequest.RESULT_SUCCESS:
		printerr("no answer, result ", result)
		return
	var data = JSON.parse_string(body.get_string_from_utf8())
	for key in data["args"]:
		print(key, " = ", data["args"][key])
