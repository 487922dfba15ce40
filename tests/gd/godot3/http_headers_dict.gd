extends SceneTree
# get_response_headers_as_dictionary: names keep their case, a repeated name keeps
# its last value, and reading the headers consumes them.

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	Util.send(client, HTTPClient.METHOD_GET, "/headers")
	print("has response: ", client.has_response())
	var headers = client.get_response_headers_as_dictionary()
	print(headers)
	print("size: ", headers.size())
	print("keys: ", headers.keys())
	print("X-Repeated: ", headers["X-Repeated"])
	print("content length type: ", typeof(headers["Content-Length"]))
	print("again: ", client.get_response_headers_as_dictionary())
	print("has response after: ", client.has_response())
	print("list after: ", client.get_response_headers())
	Util.read_body(client)
	Util.send(client, HTTPClient.METHOD_GET, "/headers")
	var lines = client.get_response_headers()
	print(lines)
	print("lines: ", lines.size())
	print("dictionary after list: ", client.get_response_headers_as_dictionary())
	quit()
