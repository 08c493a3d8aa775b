<?php
// Seed 000's PHP SoapClient sample, unmodified but for the WSDL's URL and the credentials, run against the ledger:
// php ccc-service.php <wsdl-url> <login> <password>. Its first part is CccService's CreateCccCampaign; its second
// calls BroadcastService's CreateBroadcast, which is no CccService operation, so the run ends with that SoapFault.
?>
<?php
/**
* You'll need your login/password pair when you create the SOAP client.
* Don't use the fake login/password provided here; it's just for show and
* won't work.
*/
$wsdl = $argv[1];
$client = new SoapClient($wsdl, array(
'soap_version' => SOAP_1_2,
'login' => $argv[2],
'password' => $argv[3]));
/**
* CreateCccCampaign.
*/
$request = new stdclass();
$request->CccCampaign = new stdclass(); // required
$request->CccCampaign->Name = 'Test Broadcast Service'; // required
$campaignId = $client->CreateCccCampaign($request);
echo "campaignId: " . $campaignId;
// Sample response:
// campaignId: 333
/**
* A little more complicated example with text to speech.
*/
$request = new stdclass();
$request->CccCampaign = new stdclass();
$request->CccCampaign->Name = 'Test Broadcast Service (text to speech)';
$request->CccCampaign->FromNumber = '9206596476';
$request->CccCampaign->RetryConfig = new stdclass();
$request->CccCampaign->RetryConfig->MaxAttempts = 3;
$request->CccCampaign->RetryConfig->MinutesBetweenAttempts = 5;
$request->CccCampaign->RetryConfig->RetryResults = 'BUSY NO_ANS';
$request->CccCampaign->TransferNumber = '2135551212';
$campaignId = $client->CreateBroadcast($request);
echo "campaignId: " . $campaignId;
// Upon success, the $broadcastId variable should contain the broadcast ID,
// which you can use to grab information about the broadcast ...
$broadcastInfo = $client->getBroadcast(array('Id'=>$broadcastId));
print_r($broadcastInfo);
?>