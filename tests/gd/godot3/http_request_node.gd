extends SceneTree
# HTTPRequest, the node: one request at a time, each answer arrives through the
# request_completed signal (result, response code, headers, body).

const Util = preload("res://http_util.helper.gd")

var http = HTTPRequest.new()
var pending = [
	["/echo", ["X-Test: node"], HTTPClient.METHOD_POST, "a=1&b=2"],
	["/chunked", [], HTTPClient.METHOD_GET, ""],
	["/missing", [], HTTPClient.METHOD_GET, ""],
	["/hello", [], HTTPClient.METHOD_HEAD, ""],
]


func _init():
	print("outside the tree: ", http.request("http://127.0.0.1/"))
	http.connect("request_completed", self, "_on_completed")
	root.call_deferred("add_child", http)
	call_deferred("next")


func url(path):
	return "http://127.0.0.1:%d%s" % [Util.server_port(), path]


func next():
	if pending.empty():
		quit()
		return
	var item = pending.pop_front()
	print(item[0], ": request ", http.request(url(item[0]), item[1], false, item[2], item[3]))
	print("busy: ", http.request(url(item[0])))
	print("status while busy: ", http.get_http_client_status() != HTTPClient.STATUS_DISCONNECTED)


func _on_completed(result, response_code, headers, body):
	print("result ", result, ", code ", response_code)
	print("headers ", headers)
	print("body size ", http.get_body_size(), ", downloaded ", http.get_downloaded_bytes())
	print(body.get_string_from_utf8())
	call_deferred("next")
