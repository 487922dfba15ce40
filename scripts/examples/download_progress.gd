# Download a file with HTTPRequest, printing progress while it arrives.
# Run: gdscript run --offline scripts/examples/download_progress.gd
extends Node

var request: HTTPRequest
var last_percent := -1

func _ready():
	request = HTTPRequest.new()
	request.download_file = "user://download.bin"
	request.download_chunk_size = 4096
	add_child(request)
	request.request_completed.connect(_on_completed)
	request.request("https://example.com/bytes/2000000")

func _process(_delta):
	var total = request.get_body_size()
	if total > 0:
		var percent = int(100.0 * request.get_downloaded_bytes() / total)
		if percent / 25 != last_percent / 25:
			last_percent = percent
			print("progress: ", percent, "%")

func _on_completed(result, response_code, _headers, _body):
	var saved = FileAccess.open(request.download_file, FileAccess.READ)
	print("done: result ", result, ", code ", response_code, ", ",
		saved.get_length(), " bytes saved to ", request.download_file)
	get_tree().quit()
