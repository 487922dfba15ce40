extends SceneTree
# HTTPRequest options: redirects followed or limited, the body size limit, and
# download_file (the body goes to a file, the signal gets an empty body).

const Util = preload("res://http_util.helper.gd")

var http = HTTPRequest.new()
var steps = ["follow", "no_redirects", "size_limit", "download"]


func _init():
	http.connect("request_completed", self, "_on_completed")
	root.call_deferred("add_child", http)
	call_deferred("next")


func url(path):
	return "http://127.0.0.1:%d%s" % [Util.server_port(), path]


func next():
	if steps.empty():
		quit()
		return
	var step = steps.pop_front()
	http.max_redirects = 8
	http.body_size_limit = -1
	http.download_file = ""
	var path = "/redirect/redirect/hello"
	if step == "no_redirects":
		http.max_redirects = 1
	elif step == "size_limit":
		http.body_size_limit = 10
		path = "/hello"
	elif step == "download":
		http.download_file = "user://downloaded.txt"
		path = "/redirect/big"
	print(step, ": request ", http.request(url(path)))


func _on_completed(result, response_code, headers, body):
	print("result ", result, ", code ", response_code, ", headers ", headers)
	print("body [", body.get_string_from_utf8().strip_edges(), "]")
	if http.download_file != "":
		var file = File.new()
		file.open(http.download_file, File.READ)
		print("file: ", file.get_len(), " bytes, starts ", file.get_buffer(10).get_string_from_utf8())
		file.close()
	call_deferred("next")
