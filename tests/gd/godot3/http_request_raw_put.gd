extends SceneTree
# request_raw sends a PoolByteArray body as is (bytes that are not UTF-8 too).

const Util = preload("res://http_util.helper.gd")


func _init():
	var client = Util.open()
	var body = PoolByteArray([0, 1, 127, 128, 255]) + "héllo".to_utf8()
	var headers = ["Content-Type: application/octet-stream", "X-Custom:  spaced "]
	var err = client.request_raw(HTTPClient.METHOD_PUT, "/echo", headers, body)
	print("request_raw: ", err)
	Util.wait_while(client, [HTTPClient.STATUS_REQUESTING])
	Util.describe(client)
	print(Util.read_body(client))
	Util.send(client, HTTPClient.METHOD_DELETE, "/echo", [], "")
	print(Util.read_body(client))
	print("status after body: ", client.get_status())
	quit()
