# Fixtures for the HTTP pages of Godot's docs (use with --offline): names the pages use
# without defining them.  Works in both dialects.
var http_client = _connected_client()
var httpClient = _connected_client()
var data_to_send = {"name": "value"}
var url = "http://example.com/post"


func _connected_client():
	var client = HTTPClient.new()
	client.connect_to_host("example.com", 80)
	var polls = 0
	while polls < 2000 and (client.get_status() == HTTPClient.STATUS_CONNECTING or client.get_status() == HTTPClient.STATUS_RESOLVING):
		client.poll()
		OS.delay_msec(1)
		polls += 1
	return client
